package com.circoflows.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;

/**
 * A handler (a class of functions/*) holds no logic: it translates Lambda's event and calls one entry
 * point that the wiring built. Checkable as: it depends only on Lambda's runtime types, the API edge,
 * adapters.lambda (the event-side entry points), the wiring and the few JDK types a signature needs; it
 * declares at most one method of its own (handleRequest) and at most three constructors (no-arg for
 * Lambda, one from the wiring, one with its parts for tests). Domain services, other adapters, the AWS
 * SDK and Jackson stay out of reach, so fan-out, branching on outcomes or parsing cannot land here.
 */
final class HandlerRules {
    static final String HANDLERS = "com.circoflows.functions..";

    private static final List<String> ALLOWED_PACKAGE_PREFIXES = List.of(
            "com.amazonaws.services.lambda.runtime",
            "com.circoflows.api",
            "com.circoflows.dashboard",
            "com.circoflows.adapters.lambda",
            "com.circoflows.adapters.wiring",
            "com.circoflows.functions",
            "java.lang",
            "java.util");
    private static final int MAX_METHODS = 1;
    private static final int MAX_CONSTRUCTORS = 3;

    static final ArchRule HANDLERS_ONLY_TRANSLATE_AND_DELEGATE = ArchRuleDefinition.classes()
            .that().resideInAPackage(HANDLERS).and().areTopLevelClasses()
            .should(dependOnlyOnEventApiAndWiringTypes())
            .andShould(declareAtMostOneMethodNamedHandleRequest())
            .andShould(declareAtMostThreeConstructors())
            .because("a handler translates Lambda's event and calls one entry point; logic lives in api/ and domain/");

    private HandlerRules() {
    }

    private static ArchCondition<JavaClass> dependOnlyOnEventApiAndWiringTypes() {
        return new ArchCondition<>("depend only on Lambda runtime, api, adapters.lambda, wiring and java.lang/util types") {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                for (Dependency dependency : handler.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.isPrimitive() || allowed(target.getPackageName())) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> declareAtMostOneMethodNamedHandleRequest() {
        return new ArchCondition<>("declare at most " + MAX_METHODS + " method, handleRequest") {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                List<JavaMethod> own = handler.getMethods().stream()
                        .filter(method -> !method.getModifiers().contains(JavaModifier.SYNTHETIC)
                                && !method.getModifiers().contains(JavaModifier.BRIDGE))
                        .toList();
                boolean onlyHandleRequest = own.stream().allMatch(method -> method.getName().equals("handleRequest"));
                if (own.size() > MAX_METHODS || !onlyHandleRequest) {
                    events.add(SimpleConditionEvent.violated(handler, handler.getName() + " declares "
                            + own.stream().map(JavaMethod::getName).toList()
                            + ": a handler's only method is handleRequest, which delegates"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> declareAtMostThreeConstructors() {
        return new ArchCondition<>("declare at most " + MAX_CONSTRUCTORS + " constructors") {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                int constructors = handler.getConstructors().size();
                if (constructors > MAX_CONSTRUCTORS) {
                    events.add(SimpleConditionEvent.violated(handler, handler.getName() + " declares "
                            + constructors + " constructors"));
                }
            }
        };
    }

    private static boolean allowed(String packageName) {
        return ALLOWED_PACKAGE_PREFIXES.stream()
                .anyMatch(prefix -> packageName.equals(prefix) || packageName.startsWith(prefix + "."));
    }

}
