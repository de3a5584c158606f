"""Speed and size measurements for `make bench` (not part of `make test`)."""
