package dev.osprey.optimizer;

import dev.osprey.optimizer.pruner.PrunerContract;
import dev.osprey.optimizer.pruner.ScriptedStudy;
import dev.osprey.optimizer.sampler.SampledValues;
import dev.osprey.optimizer.sampler.SamplerCases;
import dev.osprey.optimizer.sampler.SamplerContract;
import dev.osprey.optimizer.storage.ConcurrentStorageContract;
import dev.osprey.optimizer.storage.StorageContract;
import dev.osprey.optimizer.storage.StorageFixture;
import dev.osprey.optimizer.storage.StudyManagementContract;
import dev.osprey.optimizer.storage.TrialStorageContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract-test kits of this module's test-jar stay usable from another package, as a project
 * of its own uses them: the kits and their helpers are public, every hook can be overridden, every
 * check can be overridden to disable it, and no signature names a type outsiders cannot see.
 */
class ContractKitsSurfaceTest {

    private static final List<Class<?>> KITS = List.of(SamplerContract.class, StorageContract.class,
            TrialStorageContract.class, ConcurrentStorageContract.class, StudyManagementContract.class,
            PrunerContract.class);
    private static final List<Class<?>> HELPERS = List.of(SamplerCases.class, SampledValues.class,
            StorageFixture.class, ScriptedStudy.class, Workers.class);

    @Test
    void theKitsAreOpenToSubclassesElsewhere() {
        List<String> problems = new ArrayList<>();
        for (Class<?> kit : KITS) {
            if (!Modifier.isPublic(kit.getModifiers())) {
                problems.add(kit.getSimpleName() + " is not public");
            }
            if (!kit.isInterface() && !Modifier.isAbstract(kit.getModifiers())) {
                problems.add(kit.getSimpleName() + " is not abstract");
            }
            for (Method method : kit.getDeclaredMethods()) {
                String name = kit.getSimpleName() + "." + method.getName();
                int modifiers = method.getModifiers();
                boolean packagePrivate = !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)
                        && !Modifier.isPrivate(modifiers);
                if (method.isSynthetic()) {
                    continue;
                }
                if (isCheck(method) && !Modifier.isPublic(modifiers)) {
                    problems.add(name + " is a check but not public, so it cannot be overridden to disable it");
                }
                if (packagePrivate && !Modifier.isStatic(modifiers)) {
                    problems.add(name + " is package-private: a subclass elsewhere can neither override nor call it");
                }
                if (!Modifier.isPrivate(modifiers)) {
                    problems.addAll(hiddenTypes(name, method));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theHelpersArePublic() {
        for (Class<?> helper : HELPERS) {
            assertTrue(Modifier.isPublic(helper.getModifiers()), helper.getSimpleName() + " is not public");
            Stream.of(helper.getDeclaredMethods())
                    .filter(m -> !m.isSynthetic() && !Modifier.isPrivate(m.getModifiers()))
                    .forEach(m -> assertTrue(Modifier.isPublic(m.getModifiers()) || helper.isInterface(),
                            helper.getSimpleName() + "." + m.getName() + " is neither public nor private"));
        }
    }

    private static boolean isCheck(Method method) {
        return method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(ParameterizedTest.class)
                || method.isAnnotationPresent(TestFactory.class);
    }

    /** The types in a signature that a class in another package could not name. */
    private static List<String> hiddenTypes(String name, Method method) {
        List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
        types.add(method.getReturnType());
        return types.stream()
                .map(type -> type.isArray() ? type.getComponentType() : type)
                .filter(type -> !type.isPrimitive() && !Modifier.isPublic(type.getModifiers()))
                .map(type -> name + " names " + type.getName() + ", which is not public")
                .toList();
    }
}
