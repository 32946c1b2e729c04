package dev.osprey.optimizer;

import dev.osprey.optimizer.pruner.Pruner;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.DuplicateStudyException;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.Storages;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudyNames;
import dev.osprey.optimizer.storage.StudyNotFoundException;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes a study to create or load. Every setting may be given once; unset ones take
 * Optuna's defaults: a generated name, an in-memory storage, the TPE sampler (random sampling for
 * multi-objective studies, which TPE does not model here), the median pruner, one objective to
 * minimise, and a random seed (which is stored, so a loaded study keeps it).
 *
 * {@snippet :
 * Study study = Study.builder()
 *         .name("lr-search")
 *         .sampler(Samplers.tpe())
 *         .direction(Direction.MINIMIZE)
 *         .seed(42)
 *         .create();
 * }
 */
public final class StudyBuilder {

    private String name;
    private Storage storage;
    private Sampler sampler;
    private Pruner pruner;
    private List<Direction> directions;
    private Long seed;
    private InstantSource clock;

    StudyBuilder() {
    }

    public StudyBuilder name(String name) {
        requireUnset(this.name, "name");
        StudyNames.validate(name);
        this.name = name;
        return this;
    }

    public StudyBuilder storage(Storage storage) {
        requireUnset(this.storage, "storage");
        this.storage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    public StudyBuilder sampler(Sampler sampler) {
        requireUnset(this.sampler, "sampler");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        return this;
    }

    public StudyBuilder pruner(Pruner pruner) {
        requireUnset(this.pruner, "pruner");
        this.pruner = Objects.requireNonNull(pruner, "pruner");
        return this;
    }

    /** One objective in this direction. */
    public StudyBuilder direction(Direction direction) {
        return directions(Objects.requireNonNull(direction, "direction"));
    }

    /** One objective per direction. */
    public StudyBuilder directions(Direction... directions) {
        requireUnset(this.directions, "direction(s)");
        if (directions.length == 0) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        this.directions = List.of(directions);
        return this;
    }

    /** The seed every random draw derives from, with the trial number. */
    public StudyBuilder seed(long seed) {
        requireUnset(this.seed, "seed");
        this.seed = seed;
        return this;
    }

    /** The source of time for trial start/end times and time budgets (tests inject a fixed one). */
    public StudyBuilder clock(InstantSource clock) {
        requireUnset(this.clock, "clock");
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Creates a new study; fails with {@link DuplicateStudyException} if one of that name exists. */
    public Study create() {
        return create(storage());
    }

    private Study create(Storage store) {
        String studyName = name != null ? name : "study-" + Long.toHexString(new SecureRandom().nextLong());
        List<Direction> dirs = directions != null ? directions : List.of(Direction.MINIMIZE);
        long studySeed = seed != null ? seed : new SecureRandom().nextLong();
        StudyInfo info = store.createStudy(studyName, dirs, Map.of(Study.SEED_ATTR, studySeed));
        return open(store, info, studySeed);
    }

    /** Loads an existing study; fails with a list of the studies there are if it does not exist. */
    public Study load() {
        if (name == null) {
            throw new IllegalStateException("name the study to load");
        }
        Storage store = storage();
        StudyInfo info = store.findStudy(name).orElseThrow(() -> new StudyNotFoundException(name,
                store.studies().stream().map(StudyInfo::name).toList()));
        return loaded(store, info);
    }

    /** Loads the study if it exists, or else creates it. */
    public Study createOrLoad() {
        if (name == null) {
            throw new IllegalStateException("name the study to create or load");
        }
        Storage store = storage();
        Optional<StudyInfo> existing = store.findStudy(name);
        if (existing.isPresent()) {
            return loaded(store, existing.get());
        }
        try {
            return create(store);
        } catch (DuplicateStudyException raced) {
            return loaded(store, store.findStudy(name).orElseThrow());
        }
    }

    private Study loaded(Storage store, StudyInfo info) {
        if (directions != null && !directions.equals(info.directions())) {
            throw new IllegalArgumentException("study '" + info.name() + "' was created with directions "
                    + info.directions() + ", but is loaded with " + directions
                    + "; load it with its own directions or create a new study");
        }
        long studySeed;
        if (seed != null) {
            studySeed = seed;
        } else if (info.systemAttrs().get(Study.SEED_ATTR) instanceof Number stored) {
            studySeed = stored.longValue();
        } else {
            studySeed = new SecureRandom().nextLong();
        }
        return open(store, info, studySeed);
    }

    private Study open(Storage store, StudyInfo info, long studySeed) {
        return new Study(store, info,
                sampler != null ? sampler : info.directions().size() == 1 ? Samplers.tpe() : Samplers.random(),
                pruner != null ? pruner : Pruners.median(),
                studySeed,
                clock != null ? clock : InstantSource.system());
    }

    private Storage storage() {
        // the default is made per study, not remembered: the builder stays reusable
        return storage != null ? storage : Storages.inMemory();
    }

    private static void requireUnset(Object current, String what) {
        if (current != null) {
            throw new IllegalStateException("the study's " + what + " was already set to " + current);
        }
    }

}
