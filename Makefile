# `sam build` builds each function through this file (template.yaml: Metadata BuildMethod: makefile,
# ContextPath: .): it runs `make build-<LogicalId>` with ARTIFACTS_DIR set, in a scratch copy of the
# function's module. The function's jar is the one its CodeUri names, which Maven builds: one
# `mvn package` builds every function's jar, so only the first function's target runs Maven and the
# others find their jar newer than every source. `sam deploy` without `sam build` uploads the same
# jars straight from CodeUri. See README.md, "Deploy with SAM".

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
MVN ?= mvn
JAR_TOOL ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/jar,jar)

# What a function jar is built from: the poms, and the main sources of shared/ and functions/.
SOURCES := $(shell find $(ROOT)/pom.xml $(ROOT)/shared $(ROOT)/functions \
	-name target -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -type f -print)

# The CodeUri of a function in template.yaml, e.g. functions/health/target/health-function.jar.
code_uri = $(shell awk -v id='$(1)' '$$0 == "  " id ":" { inside = 1; next } \
	inside && /^  [^ ]/ { exit } inside && $$1 == "CodeUri:" { print $$2; exit }' $(ROOT)/template.yaml)
function_jar = $(if $(call code_uri,$(1)),$(ROOT)/$(call code_uri,$(1)),no-function-$(1))

.SECONDEXPANSION:

# Lambda unpacks a jar given as the deployment package into /var/task; the scratch build hands SAM a
# folder, so it gets the jar's entries unpacked there too: either path deploys the same classes.
build-%: $$(call function_jar,$$*)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: sam build sets it" >&2; exit 1; }
	cd "$(ARTIFACTS_DIR)" && "$(JAR_TOOL)" xf "$<"

no-function-%:
	@echo "template.yaml has no function $* with a CodeUri" >&2; exit 1

# Prints the jar a function deploys, as this file resolves it (ProductionTemplateTest checks each).
jar-of-%:
	@echo $(call code_uri,$*)

$(ROOT)/functions/%.jar: $(SOURCES)
	cd "$(ROOT)" && $(MVN) -B -ntp -DskipTests package
	find "$(ROOT)/functions" -path '*/target/*-function.jar' -exec touch {} +
