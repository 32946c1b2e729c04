package dev.osprey.launchers;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A {@link Task.Program}'s working directory: absent unless given, and absolute once given. */
class TaskTest {

    @Test
    void aProgramRunsInItsJobDirectoryUnlessToldOtherwise() {
        assertEquals(Optional.empty(), Task.Program.of("train").workingDirectory());
        assertEquals(Optional.empty(), new Task.Program(List.of("train"), Map.of("A", "1")).workingDirectory());
    }

    @Test
    void aWorkingDirectoryIsKeptAbsoluteAndTheRestOfTheProgramWithIt() {
        Task.Program program = new Task.Program(List.of("python", "app.py"), Map.of("A", "1"))
                .withWorkingDirectory(Path.of("experiments", "..", "project"));
        assertEquals(Optional.of(Path.of("project").toAbsolutePath()), program.workingDirectory());
        assertEquals(List.of("python", "app.py"), program.command());
        assertEquals(Map.of("A", "1"), program.environment());
        assertEquals(program, new Task.Program(program.command(), program.environment(), program.workingDirectory()));
    }

    @Test
    void anAbsentWorkingDirectoryIsEmptyNotNull() {
        assertThrows(NullPointerException.class, () -> new Task.Program(List.of("train"), Map.of(), null));
    }
}
