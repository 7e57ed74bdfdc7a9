/* The recurrence form in the page editor (activiteiten/recurrence_form.py).
 *
 * 1. Shows only the parts that belong to the chosen "Hoe vaak?" (without JavaScript all parts show).
 * 2. A live preview: asks the admin view activiteiten_herhaling_voorbeeld for the sentence residents
 *    read and the next five dates. The rules live in Python only; this file only sends the form.
 */
(function () {
    "use strict";

    var WAIT_MS = 300; // wait this long after the last key press before asking for a new preview

    function checkedValue(form, name) {
        var input = form.querySelector('input[name="' + name + '"]:checked');
        return input ? input.value : "";
    }

    function showParts(root, form, name) {
        var chosen = checkedValue(form, name + "_patroon") || "eenmalig";
        root.querySelectorAll("[data-herhaling-voor]").forEach(function (part) {
            part.hidden = part.getAttribute("data-herhaling-voor").split(" ").indexOf(chosen) === -1;
        });
    }

    function isDeleted(form, prefix) {
        var input = form.querySelector('[name="' + prefix + '-DELETE"]');
        if (!input) {
            return false;
        }
        return input.type === "checkbox" ? input.checked : input.value === "1" || input.value === "on";
    }

    function params(form, name) {
        var query = new URLSearchParams();
        Array.prototype.forEach.call(form.elements, function (input) {
            if (!input.name || input.name.indexOf(name + "_") !== 0) {
                return;
            }
            if ((input.type === "checkbox" || input.type === "radio") && !input.checked) {
                return;
            }
            query.append(input.name, input.value);
        });
        ["start", "eind"].forEach(function (field) {
            if (form.elements[field]) {
                query.append(field, form.elements[field].value);
            }
        });
        var holidays = form.elements.niet_op_feestdagen;
        if (holidays && holidays.checked) {
            query.append("niet_op_feestdagen", "on");
        }
        form.querySelectorAll('input[name^="uitzonderingen-"][name$="-datum"]').forEach(function (input) {
            var prefix = input.name.slice(0, -"-datum".length);
            if (!input.value || isDeleted(form, prefix) || prefix.indexOf("__prefix__") !== -1) {
                return;
            }
            var kind = form.querySelector('[name="' + prefix + '-soort"]');
            query.append(kind && kind.value === "afgelast" ? "afgelast" : "vrij", input.value);
        });
        return query;
    }

    function show(root, answer) {
        root.querySelector("[data-herhaling-zin]").textContent = answer.zin || "";
        root.querySelector("[data-herhaling-fout]").textContent = answer.fout || "";
        var list = root.querySelector("[data-herhaling-data]");
        list.textContent = "";
        (answer.data || []).forEach(function (text) {
            var item = document.createElement("li");
            item.textContent = text;
            list.appendChild(item);
        });
    }

    function start(root) {
        var form = root.closest("form");
        var name = root.getAttribute("data-herhaling");
        var url = root.getAttribute("data-voorbeeld-url");
        var preview = root.querySelector("[data-herhaling-voorbeeld]");
        var timer = null;
        var asked = 0;
        if (!form) {
            return;
        }

        function refresh() {
            var number = ++asked;
            fetch(url + "?" + params(form, name).toString(), {
                credentials: "same-origin",
                headers: { Accept: "application/json" },
            })
                .then(function (response) {
                    return response.ok ? response.json() : {};
                })
                .then(function (answer) {
                    if (number === asked) {
                        show(root, answer);
                    }
                })
                .catch(function () {
                    /* no preview when the server cannot be reached; saving still checks everything */
                });
        }

        function later() {
            showParts(root, form, name);
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, WAIT_MS);
        }

        preview.hidden = false;
        showParts(root, form, name);
        form.addEventListener("input", later);
        form.addEventListener("change", later);
        refresh();
    }

    function init() {
        document.querySelectorAll("[data-herhaling]").forEach(start);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
