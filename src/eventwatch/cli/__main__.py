"""``python -m eventwatch.cli``: the same as the ``eventwatch`` command."""
import sys

try:
    from eventwatch.cli.main import main
except KeyboardInterrupt:  # Ctrl-C while the command is still importing: no traceback either
    print("eventwatch: interrupted", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
