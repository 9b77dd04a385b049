package com.circoflows.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroBenchmarksTest {
    @Test
    void withoutArgumentsRunsAllOurBenchmarksWithTheShortDefaults() {
        List<String> arguments = MicroBenchmarks.jmhArguments();

        assertEquals("2", valueOf(arguments, "-f"));
        assertEquals("5", valueOf(arguments, "-wi"));
        assertEquals("1s", valueOf(arguments, "-r"));
        assertEquals("com\\.circoflows\\..*Benchmark", arguments.get(arguments.size() - 1));
    }

    @Test
    void anOptionGivenReplacesItsDefaultInsteadOfRepeatingIt() {
        List<String> arguments = MicroBenchmarks.jmhArguments("Signing", "-f", "3");

        assertEquals("3", valueOf(arguments, "-f"));
        assertEquals(1, Collections.frequency(arguments, "-f"));
        assertEquals("Signing", arguments.get(arguments.size() - 1));
    }

    @Test
    void aFlagWithoutValueIsPassedOn() {
        List<String> arguments = MicroBenchmarks.jmhArguments("-l");

        assertTrue(arguments.contains("-l"));
        assertEquals("com\\.circoflows\\..*Benchmark", valueOf(arguments, "-l"), "nothing taken as its value");
    }

    private static String valueOf(List<String> arguments, String option) {
        return arguments.get(arguments.indexOf(option) + 1);
    }
}
