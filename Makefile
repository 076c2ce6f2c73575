# The README's two commands: `make run` and `make test`.
MVN ?= mvn -B -q
CLASSPATH = target/classes:target/lib/*
JAVA_OPTS ?=

.PHONY: run db test test-mongodb build check-generated lint clean bench bench-smoke bench-classpath import export

target/lib: pom.xml
	$(MVN) package -DskipTests

build:
	$(MVN) package -DskipTests

## Start the server with the embedded database (./data) and the development API key.
run: build
	exec java $(JAVA_OPTS) -cp "$(CLASSPATH)" io.datasetserver.server.Main

## Run the embedded database alone (H2 file in $$DATA_DIR, port $$DB_PORT) for several API instances to share.
db: build
	exec java $(JAVA_OPTS) -cp "$(CLASSPATH)" io.datasetserver.server.EmbeddedDatabaseMain

## Load a folder in Humanloop's export layout into a running server: make import FROM=DIR (SERVER_URL, API_KEY).
import: build
	java $(JAVA_OPTS) -cp "$(CLASSPATH)" io.datasetserver.transfer.ImportMain "$(FROM)"

## Write the export layout from a running server: make export TO=DIR [FOLDER=path] (SERVER_URL, API_KEY).
export: build
	java $(JAVA_OPTS) -cp "$(CLASSPATH)" io.datasetserver.transfer.ExportMain "$(TO)" "$(FOLDER)"

## Every test: generated/ up to date first, then the fast tier, the slow tier (@Slow), the
## backend matrix (H2 file, over the wire), the benchmark at tiny sizes and the Node suites.
## `mvn test` alone runs only the fast tier.
test: check-generated
	mvn -B verify -Pslow-tier,backend-matrix
	$(MAKE) bench-smoke
	bash src/test/sdk/run.sh $(CURDIR)/target
	bash src/test/browser/run.sh $(CURDIR)/target

## The storage and core HTTP suites against the MongoDB at TEST_MONGODB_URI, in a fresh database (dropped after each class).
test-mongodb:
	@if [ -z "$$TEST_MONGODB_URI" ]; then echo "set TEST_MONGODB_URI, e.g. TEST_MONGODB_URI='mongodb://127.0.0.1:27017/?replicaSet=rs0' make test-mongodb"; exit 2; fi
	mvn -B test -Dtest.backend=mongodb -Dtest='io.datasetserver.storage.*Test,io.datasetserver.api.*Test'

## Regenerate generated/ from api-spec/openapi.yaml and fail if that changes, adds or removes a
## file there. Reads the work tree only: the developer's git index is left as it was.
check-generated:
	$(MVN) generate-sources
	@if [ -n "$$(git status --porcelain -- generated)" ]; then \
	  echo "generated/ differs from what api-spec/openapi.yaml generates; commit the regenerated files:"; \
	  git status --short -- generated; exit 1; fi
	@echo "generated/ matches api-spec/openapi.yaml"

## Static analysis and format: javac with -Xlint:all -Werror over main and test code (every
## build does that too), then the formatter's check (`mvn spotless:apply` fixes what it reports).
lint:
	$(MVN) test-compile
	$(MVN) spotless:check

BENCH_CP = target/test-classes:target/classes:$$(cat target/bench.classpath)

bench-classpath:
	$(MVN) -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath

## Performance benchmark: one table, each figure next to a same-run baseline (full sizes, ~8 min).
bench: bench-classpath
	java -cp "$(BENCH_CP)" io.datasetserver.bench.Bench full

## The benchmark at tiny sizes: proves every figure is still produced; asserts nothing about speed.
bench-smoke: bench-classpath
	java -cp "$(BENCH_CP)" io.datasetserver.bench.Bench tiny

clean:
	$(MVN) clean
