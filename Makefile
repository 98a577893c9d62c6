# The two commands: `make demo` (install, build, index corpus/, run an example query) and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build demo serve test test-sanitize bench clean

all: build

deps:
	@scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/agora-index corpus/en corpus/ru corpus/fr corpus/jsonl
	$(BUILD)/agora-search --limit 3 'peaceful assembly'
	$(BUILD)/agora-search --limit 3 'пытка'
	$(BUILD)/agora-search --limit 3 'réunions pacifiques'

# The web front end at http://127.0.0.1:$(PORT)/ over the default index (the one `make demo` builds).
PORT ?= 8080
serve: build
	PORT=$(PORT) scripts/serve --cgi $(BUILD)/agora.cgi

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer (CI runs it too).
test-sanitize: deps
	cmake --preset sanitize $(CMAKE_FLAGS)
	cmake --build --preset sanitize -j $(JOBS)
	ctest --preset sanitize -j $(JOBS)

bench: build
	bench/run.sh

clean:
	rm -rf $(BUILD) build-sanitize
