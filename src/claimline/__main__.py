"""``python -m claimline`` runs the command line."""

import sys

from claimline.cli import main

if __name__ == "__main__":
    sys.exit(main())
