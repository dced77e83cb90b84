package io.capj.apimachinery.schema;

import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The CEL environment of CRD validation rules, built once per process: Kubernetes' base environment (heterogeneous
 * numeric comparisons, homogeneous aggregate literals, optional types, the strings, sets, lists and two-variable
 * comprehension extensions) plus {@link KubernetesCelLibrary}. Each rule's compiler derives from the base with its own
 * {@code self}/{@code oldSelf} declarations, which is cheap; the runtime is shared and thread-safe.
 */
final class CelEnvironment {
    static final String SELF = "self";
    static final String OLD_SELF = "oldSelf";

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .enableHomogeneousLiterals(true)
            .enableOptionalSyntax(true)
            .build();

    private CelEnvironment() {
    }

    /** A compiler for rules at a place whose value has CEL type {@code self}. */
    static CelCompiler compiler(CelType self, CelType oldSelf, CelTypeProvider types) {
        return Holder.COMPILER.toCompilerBuilder()
                .setTypeProvider(types)
                .addVar(SELF, self)
                .addVar(OLD_SELF, oldSelf)
                .build();
    }

    static CelRuntime runtime() {
        return Holder.RUNTIME;
    }

    /** Lazily built: creating the base environment costs a few hundred milliseconds of class loading. */
    private static final class Holder {
        static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists(),
                        CelExtensions.optional(), CelExtensions.comprehensions())
                .addFunctionDeclarations(KubernetesCelLibrary.declarations())
                .build();
        static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists(),
                        CelExtensions.optional(), CelExtensions.comprehensions())
                .addFunctionBindings(KubernetesCelLibrary.bindings())
                .build();
    }
}
