package dev.osprey;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The architecture, checked on the main classes of every module: modules depend only on the modules
 * below them (docs/architecture.md draws the table), no package tree depends on another in a
 * cycle, {@code internal} packages stay inside their module, the public surface is the declared one,
 * and no simple type name is used by two modules.
 */
class ArchitectureTest {

    /** The modules' root packages, from the bottom up. */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("optimizer", "dev.osprey.optimizer");
        MODULES.put("study-database", "dev.osprey.studydb");
        MODULES.put("composer", "dev.osprey.composer");
        MODULES.put("launchers", "dev.osprey.launchers");
        MODULES.put("sweeper", "dev.osprey.sweeper");
        MODULES.put("dashboard", "dev.osprey.dashboard");
        MODULES.put("cli", "dev.osprey.cli");
    }

    /**
     * The packages with public types: each module's API. A new public package is a decision, made by
     * adding it here (and to docs/architecture.md).
     */
    private static final Map<String, Set<String>> API = Map.of(
            "optimizer", Set.of("", "importance", "pareto", "pruner", "sampler", "sampler.auto", "sampler.cmaes", "sampler.gp",
                    "sampler.nsga", "sampler.qmc", "sampler.tpe", "space", "storage", "trial"),
            "study-database", Set.of(""),
            "composer", Set.of("", "bind", "compose", "config", "conformance", "interpolation", "multirun", "output",
                    "override", "value", "yaml"),
            "launchers", Set.of("", "inprocess", "process", "protocol", "resources", "slurm", "tsp"),
            "sweeper", Set.of("", "multirun", "space", "hydra"),
            "dashboard", Set.of("", "plot"),
            "cli", Set.of(""));

    /** Main classes only: test classes, including the contract kits' test-jars, are left out. */
    private static final ImportOption MAIN_ONLY = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
            && !location.contains("-tests.jar");

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(MAIN_ONLY)
            .importPackages(MODULES.values().toArray(String[]::new));

    @Test
    void everyModuleIsImported() {
        Set<String> found = CLASSES.stream().map(ArchitectureTest::module).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(MODULES.keySet()), found);
    }

    @Test
    void modulesDependOnlyOnTheModulesBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("optimizer").definedBy("dev.osprey.optimizer..")
                .layer("study-database").definedBy("dev.osprey.studydb..")
                .layer("composer").definedBy("dev.osprey.composer..")
                .layer("launchers").definedBy("dev.osprey.launchers..")
                .layer("sweeper").definedBy("dev.osprey.sweeper..")
                .layer("dashboard").definedBy("dev.osprey.dashboard..")
                .layer("cli").definedBy("dev.osprey.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("sweeper").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("dashboard").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("study-database").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("launchers").mayOnlyBeAccessedByLayers("sweeper", "cli")
                .whereLayer("composer").mayOnlyBeAccessedByLayers("launchers", "sweeper", "cli")
                .whereLayer("optimizer").mayOnlyBeAccessedByLayers("study-database", "sweeper", "dashboard", "cli")
                .check(CLASSES);
    }

    /**
     * What each module may use beyond the JDK and the Osprey modules below it: a study in memory
     * carries no database, config composition no JSON library, a launcher no command-line parser.
     */
    @Test
    void modulesUseOnlyTheirChosenLibraries() {
        Map<String, List<String>> libraries = Map.of(
                "optimizer", List.of("org.apache.commons.math3.."),
                "study-database", List.of("org.h2..", "com.zaxxer.hikari..", "org.flywaydb..", "org.postgresql..",
                        "com.fasterxml.jackson..", "javax.sql.."),
                "composer", List.of("org.snakeyaml.engine.."),
                "launchers", List.of("com.fasterxml.jackson.."),
                "sweeper", List.of(),
                "dashboard", List.of("com.fasterxml.jackson..", "com.sun.net.httpserver..", "javax.imageio.."),
                "cli", List.of("picocli..", "com.fasterxml.jackson.."));
        libraries.forEach((module, allowed) -> {
            List<String> packages = new java.util.ArrayList<>(List.of("java..", "dev.osprey.."));
            packages.addAll(allowed);
            classes().that().resideInAPackage(MODULES.get(module) + "..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new))
                    .because(module + " uses only " + (allowed.isEmpty() ? "the JDK" : allowed) + " beyond Osprey")
                    .check(CLASSES);
        });
    }

    /**
     * Cycles are looked for between package trees: a module's root package and each of its top-level
     * packages with their subpackages ({@code sampler} holds the sampler SPI and its factory, which
     * names the samplers of {@code sampler.tpe}, whose sampler implements that SPI).
     */
    @Test
    void packageTreesAreFreeOfCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String[] parts = type.getPackageName().split("\\.");
                return SliceIdentifier.of(String.join(".", Arrays.copyOf(parts, Math.min(parts.length, 4))));
            }

            @Override
            public String getDescription() {
                return "package trees";
            }
        }).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void internalPackagesStayInTheirModule() {
        MODULES.values().forEach(root -> noClasses().that().resideOutsideOfPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + ".internal..")
                .because("an internal package is not API").check(CLASSES));
    }

    @Test
    void thePublicSurfaceIsTheDeclaredOne() {
        Map<String, Set<String>> actual = new TreeMap<>();
        CLASSES.stream().filter(type -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
                .forEach(type -> {
                    String root = MODULES.get(module(type));
                    String relative = type.getPackageName().equals(root) ? ""
                            : type.getPackageName().substring(root.length() + 1);
                    if (!relative.equals("internal") && !relative.startsWith("internal.")) {
                        actual.computeIfAbsent(module(type), m -> new TreeSet<>()).add(relative);
                    }
                });
        Map<String, Set<String>> declared = new TreeMap<>();
        API.forEach((module, packages) -> declared.put(module, new TreeSet<>(packages)));
        assertEquals(declared, actual);
    }

    @Test
    void noSimpleNameIsUsedByTwoModules() {
        Map<String, Set<String>> modulesByName = new TreeMap<>();
        CLASSES.stream().filter(type -> !type.isAnonymousClass() && !type.getSimpleName().isEmpty()
                        && !type.getSimpleName().equals("package-info")
                        && (type.getModifiers().contains(JavaModifier.PUBLIC) || type.isTopLevelClass()))
                .forEach(type -> modulesByName.computeIfAbsent(type.getSimpleName(), n -> new TreeSet<>()).add(module(type)));
        Map<String, Set<String>> shared = new TreeMap<>(modulesByName);
        shared.values().removeIf(modules -> modules.size() < 2);
        assertEquals(Map.of(), shared, "type names used by more than one module");
    }

    /**
     * The command line prints an exception Osprey defines as one paragraph for people, without a stack
     * trace (see {@code OspreyCli.report}), and no module declares checked exceptions for callers to wrap.
     */
    @Test
    void exceptionsAreUnchecked() {
        classes().that().areAssignableTo(Throwable.class).should().beAssignableTo(RuntimeException.class)
                .check(CLASSES);
    }

    private static String module(JavaClass type) {
        List<String> names = List.copyOf(MODULES.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            String root = MODULES.get(names.get(i));
            if (type.getPackageName().equals(root) || type.getPackageName().startsWith(root + ".")) {
                return names.get(i);
            }
        }
        throw new IllegalStateException("a class outside every module: " + type.getName());
    }
}
