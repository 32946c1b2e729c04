package dev.osprey.optimizer.storage;

import java.util.List;

/** No study with this name exists (a usage error: the name is wrong); the message lists those that do. */
public class StudyNotFoundException extends IllegalArgumentException {

    public StudyNotFoundException(String name, List<String> existing) {
        super("no study named '" + name + "' in this storage; "
                + (existing.isEmpty() ? "it holds no studies yet" : "it holds " + String.join(", ", existing)));
    }
}
