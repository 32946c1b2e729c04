package dev.osprey.composer.compose;

import dev.osprey.composer.bind.Records;
import dev.osprey.composer.compose.TreeItem.ConfigItem;
import dev.osprey.composer.compose.TreeItem.SelfItem;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Overrides;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Composes configs the way Hydra does: the primary config's Defaults List, with its nested Defaults
 * Lists, chooses the configs to merge; command-line overrides change those choices and then the
 * values.
 *
 * {@snippet :
 * Composer composer = new Composer(ConfigRepository.fromDirectory(Path.of("conf")));
 * Config config = composer.compose("config", List.of("db=postgresql", "db.timeout=5", "+trainer.seed=1"));
 * }
 *
 * <p>Defaults Lists: {@code - config/path[@pkg]}, {@code - [optional|override] group[@pkg]: option}
 * (or a list of options, {@code null}, {@code ???}, {@code ${group}_${other}}), {@code - _self_};
 * paths relative to the including config's group unless they start with {@code /}; packages relative
 * to the including config's package, with {@code _here_}, {@code _global_} and {@code _group_}; a
 * {@code # @package} header places a config absolutely. The command line: {@code group=option},
 * {@code group=[a,b]}, {@code group=null}, {@code +group=option}, {@code ~group[=option]},
 * {@code ~config/path}, then {@code key=value}, {@code +key=value}, {@code ++key=value},
 * {@code ~key[=value]} on the composed config in struct mode. Errors are
 * {@link CompositionException}s (or {@link dev.osprey.composer.override.OverrideParseException} and
 * {@link dev.osprey.composer.yaml.YamlLoadException}) with Hydra's message texts.
 *
 * @since 0.1
 */
public final class Composer {

    private final ConfigRepository repository;
    /** Whether to compose like Hydra's root with the hydra node ({@link #withHydraRuntime()}). */
    private final boolean hydraRuntime;
    /** The job name written into {@code hydra.job.name} when it is {@code ???}, or {@code null}. */
    private final String jobName;

    public Composer(ConfigRepository repository) {
        this(repository, false, null);
    }

    private Composer(ConfigRepository repository, boolean hydraRuntime, String jobName) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.hydraRuntime = hydraRuntime;
        this.jobName = jobName;
    }

    /**
     * A composer that composes the way a Hydra app's {@code @hydra.main} does: under a root whose
     * Defaults List is Hydra's {@code hydra/config} (at package {@code hydra}) and then the primary
     * config, from this composer's repository {@linkplain ConfigRepository#withHydraConfigs() with
     * Hydra 1.3.2's own config groups}. Then a primary config may hold
     * {@code - override hydra/job_logging: disabled}, {@code - override hydra/sweeper: optuna} and a
     * {@code hydra:} node; the command line may hold {@code hydra/sweeper=optuna},
     * {@code hydra/sweeper/sampler=random}, {@code hydra.job.chdir=true} or
     * {@code +hydra.job.env_set.K=v}; the composed config holds the {@code hydra} node, and the
     * {@link Composition#choices()} the choices of Hydra's groups ({@code hydra/sweeper}, ...).
     *
     * <p>As Hydra does after composing, {@code hydra.job.config_name} is set to the primary config's
     * name. Values Hydra fills in while it runs a job ({@code hydra.runtime.*}, {@code hydra.overrides.*},
     * {@code hydra.job.override_dirname}, {@code hydra.job.id}, {@code hydra.job.num}, and
     * {@code hydra.job.name} unless {@link #withHydraRuntime(String)} gives one) keep Hydra's unfilled
     * defaults ({@code ???} or empty). What the job itself is given is {@link Composition#jobConfig()}.
     *
     * {@snippet :
     * Composer composer = new Composer(ConfigRepository.fromDirectory(Path.of("conf"))).withHydraRuntime();
     * Composition run = composer.composition("config", List.of("hydra/sweeper=optuna", "lr=0.1"));
     * run.choices().get("hydra/sweeper");          // "optuna"
     * run.config().getInt("hydra.sweeper.n_trials"); // 20
     * Config job = run.jobConfig();                 // without the hydra node
     * }
     *
     * The composer this is called on is unchanged, and composes as fast as before.
     *
     * @since 0.2
     */
    public Composer withHydraRuntime() {
        return new Composer(repository.withHydraConfigs(), true, jobName);
    }

    /**
     * Like {@link #withHydraRuntime()}, with {@code jobName} as {@code hydra.job.name} when the configs
     * leave it {@code ???} (Hydra uses the app's script name, such as {@code train} for
     * {@code train.py}).
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Composer withHydraRuntime(String jobName) {
        Objects.requireNonNull(jobName, "jobName");
        if (jobName.isBlank()) {
            throw new IllegalArgumentException("a Hydra job name must not be blank, but was '" + jobName + "'");
        }
        return new Composer(repository.withHydraConfigs(), true, jobName);
    }

    /** Whether this composer composes with Hydra's runtime ({@link #withHydraRuntime()}). */
    public boolean hasHydraRuntime() {
        return hydraRuntime;
    }

    /** The repository configs come from. */
    public ConfigRepository repository() {
        return repository;
    }

    /** Composes {@code configName} (a config path, {@code .yaml} optional) without overrides. */
    public Config compose(String configName) {
        return compose(configName, List.of());
    }

    /** Composes {@code configName} with command-line overrides, for a single run (sweeps are errors). */
    public Config compose(String configName, List<String> overrides) {
        return composition(configName, overrides).config();
    }

    /** Parses the overrides, then {@link #composeParsed(String, List)}. */
    public Composition composition(String configName, List<String> overrides) {
        return composeParsed(configName, Overrides.parseAll(overrides));
    }

    /**
     * Composes {@code configName} with overrides parsed already, or made in code, in order (sweeps
     * are errors), and gives the config with the final Defaults List and the choices. Values reach
     * the config as they are in the overrides: nothing is written as text and read again.
     */
    public Composition composeParsed(String configName, List<ConfigOverride> overrides) {
        String name = configName.endsWith(".yaml") ? configName.substring(0, configName.length() - 5) : configName;
        List<ConfigOverride> parsed = List.copyOf(overrides);
        CommandLine.rejectSweeps(parsed);
        DefaultsState state = new DefaultsState();
        List<ConfigOverride> valueOverrides = CommandLine.route(parsed, repository, state);
        ConfigItem tree = new DefaultsTreeBuilder(repository, state).build(name, hydraRuntime);
        List<ComposedDefault> defaults = new ArrayList<>();
        flatten(tree, defaults);
        ensureNoDuplicates(defaults);
        state.ensureOverridesUsed();
        state.ensureDeletionsUsed();
        MapValue merged = MapValue.EMPTY;
        HydraSchemas schemas = hydraRuntime ? new HydraSchemas() : null;
        for (ComposedDefault step : defaults) {
            MapValue content = placed(step.packageName(), repository.load(step.configPath()).orElseThrow().content());
            if (schemas != null) {
                schemas.checkMerge(step.configPath(), content);
            }
            merged = Config.of(merged).merge(Config.of(content)).root();
            if (schemas != null && repository.isHydraStructured(step.configPath())) {
                schemas.merged(step.configPath(), step.packageName(), merged);
            }
        }
        Config config = ValueOverrides.apply(Config.of(merged), valueOverrides, repository);
        if (hydraRuntime) {
            config = HydraNode.afterComposition(config, name, jobName);
        }
        return new Composition(config, defaults, state.knownChoices());
    }

    /**
     * Composes the config of one trial: {@code fixedOverrides} (parsed here), then {@code name=value}
     * for each parameter of a sampler's {@code proposal}, in its order, through the same machinery as
     * a command line. A parameter that names a config group ({@code model} with value {@code vit})
     * selects that option, whose config is merged; other parameters set values ({@code optimizer.lr})
     * and win over a fixed override of the same key. Each value becomes an element as it is
     * ({@link Overrides#assignment(String, Object)}), so the string {@code "10"} stays a string.
     *
     * @throws CompositionException naming the parameter when a value has no override form
     */
    public Composition composeProposal(String configName, List<String> fixedOverrides, Map<String, ?> proposal) {
        List<ConfigOverride> overrides = new ArrayList<>(Overrides.parseAll(fixedOverrides));
        proposal.forEach((name, value) -> {
            try {
                overrides.add(Overrides.assignment(name, value));
            } catch (IllegalArgumentException e) {
                throw new CompositionException("Cannot compose proposed parameter '" + name + "': "
                        + e.getMessage(), e);
            }
        });
        return composeParsed(configName, overrides);
    }

    /**
     * Checks overrides against {@code schema}, the record of the composed config, before composing or
     * launching anything: unknown keys and values of the wrong type are reported with their column;
     * overrides that select options of this repository's config groups are left to composition.
     *
     * @throws dev.osprey.composer.bind.ConfigBindingException listing every override that does not fit
     */
    public void checkOverrides(Class<? extends Record> schema, List<String> overrides) {
        checkParsedOverrides(schema, Overrides.parseAll(overrides));
    }

    /** Like {@link #checkOverrides(Class, List)}, for overrides parsed already. */
    public void checkParsedOverrides(Class<? extends Record> schema, List<ConfigOverride> overrides) {
        Records.checkParsedOverrides(schema, overrides, repository::groupExists);
    }

    private static void flatten(ConfigItem item, List<ComposedDefault> out) {
        if (item.children().isEmpty()) {
            out.add(step(item));
            return;
        }
        for (TreeItem child : item.children()) {
            switch (child) {
                case SelfItem self -> out.add(step(item));
                case ConfigItem config -> flatten(config, out);
                case TreeItem.DeferredItem deferred -> throw new IllegalStateException("unresolved " + deferred);
            }
        }
    }

    private static ComposedDefault step(ConfigItem item) {
        return new ComposedDefault(item.configPath(), item.packageName(), item.parent(), item.overrideKey());
    }

    private static void ensureNoDuplicates(List<ComposedDefault> defaults) {
        Set<String> keys = new HashSet<>();
        for (ComposedDefault step : defaults) {
            if (step.overrideKey() != null && step.parent() != null && !keys.add(step.overrideKey())) {
                throw new CompositionException(step.overrideKey() + " appears more than once in the final defaults list");
            }
        }
    }

    /** {@code content} wrapped in maps along a dotted package. */
    private static MapValue placed(String packageName, MapValue content) {
        if (packageName.isEmpty()) {
            return content;
        }
        String[] keys = packageName.split("\\.");
        ConfigValue node = content;
        for (int i = keys.length - 1; i >= 0; i--) {
            node = new MapValue(Map.of(keys[i], node));
        }
        return (MapValue) node;
    }
}
