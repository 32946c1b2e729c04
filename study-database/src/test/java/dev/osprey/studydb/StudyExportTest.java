package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyNotFoundException;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CSV and JSON exports of a study's trials. */
class StudyExportTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private static Storage study(List<Direction> directions) {
        Storage storage = Storages.inMemory();
        long id = storage.createStudy("s", directions, Map.of()).id();
        TrialRecord a = storage.startTrial(id, Integer.MAX_VALUE, T0).orElseThrow();
        storage.setParam(a.id(), "lr", new Param(Distribution.logFloats(1e-5, 1), 0.001));
        storage.setParam(a.id(), "opt", new Param(Distribution.choices(List.of("adam", "s,g\"d")), 1));
        storage.setTrialUserAttr(a.id(), "tags", List.of("a", 1));
        List<Double> values = directions.size() == 1 ? List.of(0.5) : List.of(0.5, 2.0);
        storage.finishTrial(a.id(), TrialState.COMPLETE, values, null, T0.plusMillis(1500));
        TrialRecord b = storage.startTrial(id, Integer.MAX_VALUE, T0.plusSeconds(2)).orElseThrow();
        storage.setParam(b.id(), "layers", new Param(Distribution.ints(1, 4), 3));
        storage.setTrialUserAttr(b.id(), "note", "line\nbreak");
        return storage;
    }

    @Test
    void csvHasOneColumnPerValueParameterAndAttribute() {
        try (Storage storage = study(List.of(Direction.MINIMIZE))) {
            assertEquals("""
                    number,state,value,params_lr,params_opt,params_layers,user_attrs_tags,user_attrs_note,\
                    datetime_start,datetime_complete,duration
                    0,COMPLETE,0.5,0.001,"s,g""d",,"[""a"",1]",,2024-05-01T12:00:00Z,2024-05-01T12:00:01.500Z,1.5
                    1,RUNNING,,,,3,,"line
                    break",2024-05-01T12:00:02Z,,
                    """, StudyExport.csv(storage, "s"));
        }
    }

    @Test
    void severalObjectivesGetAColumnEach() {
        try (Storage storage = study(List.of(Direction.MINIMIZE, Direction.MAXIMIZE))) {
            String header = StudyExport.csv(storage, "s").lines().findFirst().orElseThrow();
            assertEquals("number,state,values_0,values_1,", header.substring(0, header.indexOf("params_")));
        }
    }

    @Test
    void jsonHoldsTheStudyAndItsTrials() {
        try (Storage storage = study(List.of(Direction.MAXIMIZE))) {
            Map<?, ?> document = (Map<?, ?>) StoredJson.parse(StudyExport.json(storage, "s"));
            assertEquals("s", document.get("study"));
            assertEquals(List.of("MAXIMIZE"), document.get("directions"));
            List<?> trials = (List<?>) document.get("trials");
            assertEquals(Map.of("number", 0L, "state", "COMPLETE", "value", 0.5, "params_lr", 0.001,
                    "params_opt", "s,g\"d", "user_attrs_tags", List.of("a", 1L),
                    "datetime_start", "2024-05-01T12:00:00Z", "datetime_complete", "2024-05-01T12:00:01.500Z",
                    "duration", 1.5), trials.get(0));
            assertEquals(Map.of("number", 1L, "state", "RUNNING", "params_layers", 3L, "user_attrs_note", "line\nbreak",
                    "datetime_start", "2024-05-01T12:00:02Z"), trials.get(1));
        }
    }

    @Test
    void aMissingStudyIsNamedWithThoseThereAre() {
        try (Storage storage = study(List.of(Direction.MINIMIZE))) {
            StudyNotFoundException e = assertThrows(StudyNotFoundException.class, () -> StudyExport.csv(storage, "x"));
            assertEquals(true, e.getMessage().contains("'x'") && e.getMessage().contains("s"), e.getMessage());
        }
    }
}
