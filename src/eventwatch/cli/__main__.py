"""``python -m eventwatch.cli``: the same as the ``eventwatch`` command."""
import sys

from eventwatch.cli.main import main

sys.exit(main())
