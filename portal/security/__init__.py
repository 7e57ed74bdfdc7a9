"""Production hardening: security headers, the static-files manifest check, two-factor sign-in.

See docs/deploy.md.
"""
