"""Stage 3: align provisions across agreements, compute coverage and gaps; the ``treaty`` CLI."""
