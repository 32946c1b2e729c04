package dev.osprey.launchers.process;

import java.util.List;
import java.util.Map;

/**
 * What a Python worker is started with, and so which jobs it can serve: the interpreter with its
 * flags, and the environment the interpreter starts in (which decides, through {@code PYTHONPATH}
 * and the like, what it imports). A job of another program gets a worker of its own.
 *
 * @param interpreter the interpreter and its flags, as the job's command gives them
 * @param environment the environment without the variables of one job ({@code OSPREY_JOB_NUM}, ...)
 */
record WorkerSpec(List<String> interpreter, Map<String, String> environment) {

    WorkerSpec {
        interpreter = List.copyOf(interpreter);
        environment = Map.copyOf(environment);
    }
}
