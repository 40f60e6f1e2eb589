# The two commands of the README: `make demo` (the main job) and `make test` (every test).
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: demo test build release bootstrap clean

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	swift build

release: bootstrap
	swift build -c release -Xswiftc -static-stdlib

demo: build
	@scripts/demo.sh

test:
	@scripts/bootstrap.sh --test
	swift build --build-tests
	RA_VENV=$(CURDIR)/.venv swift test 2>&1 | tee .build/test.log; test $${PIPESTATUS[0]} -eq 0

clean:
	rm -rf .build .venv
