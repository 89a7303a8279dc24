# lrlab: the two commands of the README, and their parts.
#   make test    install what is missing, build native and web, run every test
#   make serve   install what is missing, build the page, serve it on http://127.0.0.1:$(PORT)
BUILD     ?= build
BUILD_WEB ?= build-web
PORT      ?= 8000
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
export NODE_PATH := /usr/share/nodejs

.PHONY: all deps web-deps native web test test-native test-web test-determinism test-browser serve \
        bench fixtures docs clean

all: native web

deps:
	@sh scripts/install-deps.sh

web-deps:
	@sh scripts/install-web-deps.sh

native: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

web: deps
	emcmake cmake -S . -B $(BUILD_WEB) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_WEB) -j $(JOBS)

test-native: native
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-web: web
	ctest --test-dir $(BUILD_WEB) --output-on-failure

test-determinism: native web
	sh tests/cli/determinism.sh $(BUILD)/lrlab $(BUILD_WEB)/lrlab.js

test-browser: native web web-deps
	LRLAB_CLI=$(BUILD)/lrlab sh tests/web/run.sh $(BUILD_WEB)/web

test: test-native test-web test-determinism test-browser

serve: web
	@echo "lrlab: http://127.0.0.1:$(PORT)/"
	python3 -m http.server $(PORT) --bind 127.0.0.1 -d $(BUILD_WEB)/web

bench: native web
	$(BUILD)/lrlab bench
	node --no-experimental-fetch $(BUILD_WEB)/lrlab.js bench

# Regenerates the PyTorch parity fixtures (needs Debian's python3-torch; CI does not).
fixtures:
	/usr/bin/python3 tests/parity/gen_fixtures.py tests/parity/fixtures

# Refreshes README.md's config reference from the validator's tables.
docs: native
	sh scripts/update-reference.sh $(BUILD)/lrlab

clean:
	rm -rf $(BUILD) $(BUILD_WEB)
