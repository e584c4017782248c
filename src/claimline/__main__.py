"""``python -m claimline`` runs the command line."""

import sys

from claimline.cli import main

sys.exit(main())
