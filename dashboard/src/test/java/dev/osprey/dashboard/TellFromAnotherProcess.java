package dev.osprey.dashboard;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * A worker in its own JVM: tells one COMPLETE trial (x = 0.5, value given) into a study of a shared
 * storage. Arguments: URL USER PASSWORD STUDY VALUE.
 */
public final class TellFromAnotherProcess {

    private TellFromAnotherProcess() {
    }

    public static void main(String[] args) {
        Properties login = new Properties();
        login.setProperty("user", args[1]);
        login.setProperty("password", args[2]);
        try (Storage storage = Storages.open(args[0], login)) {
            StudyInfo study = storage.findStudy(args[3]).orElseThrow();
            TrialRecord trial = storage.startTrial(study.id(), Integer.MAX_VALUE, Instant.now()).orElseThrow();
            storage.setParam(trial.id(), "x", new Param(Distribution.floats(-10, 10), 0.5));
            storage.finishTrial(trial.id(), TrialState.COMPLETE, List.of(Double.parseDouble(args[4])), null, Instant.now());
            System.out.println("told trial " + trial.number());
        }
    }
}
