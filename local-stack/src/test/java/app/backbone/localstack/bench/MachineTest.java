package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void describesCpuModelAndCountMemoryAndKernel() {
        String cpuinfo = """
                processor\t: 0
                model name\t: Intel(R) Xeon(R) Processor
                flags\t\t: fpu

                processor\t: 1
                model name\t: Intel(R) Xeon(R) Processor
                """;
        String meminfo = "MemTotal:       24641536 kB\nMemFree:        1000 kB\n";
        assertEquals("Intel(R) Xeon(R) Processor, 2 CPUs, 23.5 GiB RAM, Linux 6.1.0-18-amd64",
                Machine.describe(cpuinfo, meminfo, "6.1.0-18-amd64"));
    }
}
