/** The core scale harness: MachineDeployments to Running Machines on the embedded plane, with exact percentiles. */
package io.capj.bench.scale;
