package io.capj.apimachinery.schema;

import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import com.google.common.collect.ImmutableList;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes CEL libraries that CEL-Java does not ship: lists ({@code isSorted}, {@code sum}, {@code min},
 * {@code max}, {@code indexOf}, {@code lastIndexOf}), regex ({@code find}, {@code findAll}), URLs ({@code url},
 * {@code isURL}, {@code getScheme} ...), quantities ({@code quantity}, {@code isQuantity}, {@code compareTo} ...) and
 * named formats ({@code format.dns1123Label().validate(s)}). Strings, sets, optionals, two-variable comprehensions
 * and CEL's list extensions come from CEL-Java's own extensions (see {@link CelEnvironment}).
 */
final class KubernetesCelLibrary {
    static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
    static final OpaqueType URL = OpaqueType.create("kubernetes.URL");
    static final OpaqueType FORMAT = OpaqueType.create("kubernetes.NamedFormat");
    private static final TypeParamType T = TypeParamType.create("T");
    private static final CelType STRING = SimpleType.STRING;
    private static final CelType INT = SimpleType.INT;
    private static final CelType BOOL = SimpleType.BOOL;

    private KubernetesCelLibrary() {
    }

    static List<CelFunctionDecl> declarations() {
        List<CelFunctionDecl> d = new ArrayList<>();
        CelType listOfT = ListType.create(T);
        d.add(fn("isSorted", newMemberOverload("list_is_sorted", BOOL, listOfT)));
        d.add(fn("sum", newMemberOverload("list_sum", T, listOfT)));
        d.add(fn("min", newMemberOverload("list_min", T, listOfT)));
        d.add(fn("max", newMemberOverload("list_max", T, listOfT)));
        d.add(fn("indexOf", newMemberOverload("list_index_of", INT, listOfT, T)));
        d.add(fn("lastIndexOf", newMemberOverload("list_last_index_of", INT, listOfT, T)));
        d.add(fn("find", newMemberOverload("string_find", STRING, STRING, STRING)));
        d.add(fn("findAll", newMemberOverload("string_find_all", ListType.create(STRING), STRING, STRING),
                newMemberOverload("string_find_all_n", ListType.create(STRING), STRING, STRING, INT)));
        urlDeclarations(d);
        quantityDeclarations(d);
        formatDeclarations(d);
        return d;
    }

    private static void urlDeclarations(List<CelFunctionDecl> d) {
        d.add(fn("url", newGlobalOverload("string_to_url", URL, STRING)));
        d.add(fn("isURL", newGlobalOverload("is_url_string", BOOL, STRING)));
        for (String getter : List.of("getScheme", "getHost", "getHostname", "getPort", "getEscapedPath")) {
            d.add(fn(getter, newMemberOverload("url_" + getter, STRING, URL)));
        }
        d.add(fn("getQuery", newMemberOverload("url_getQuery",
                MapType.create(STRING, ListType.create(STRING)), URL)));
    }

    private static void quantityDeclarations(List<CelFunctionDecl> d) {
        d.add(fn("quantity", newGlobalOverload("string_to_quantity", QUANTITY, STRING)));
        d.add(fn("isQuantity", newGlobalOverload("is_quantity_string", BOOL, STRING)));
        d.add(fn("sign", newMemberOverload("quantity_sign", INT, QUANTITY)));
        d.add(fn("isInteger", newMemberOverload("quantity_is_integer", BOOL, QUANTITY)));
        d.add(fn("asInteger", newMemberOverload("quantity_get_int", INT, QUANTITY)));
        d.add(fn("asApproximateFloat", newMemberOverload("quantity_get_float", SimpleType.DOUBLE, QUANTITY)));
        d.add(fn("add", newMemberOverload("quantity_add", QUANTITY, QUANTITY, QUANTITY),
                newMemberOverload("quantity_add_int", QUANTITY, QUANTITY, INT)));
        d.add(fn("sub", newMemberOverload("quantity_sub", QUANTITY, QUANTITY, QUANTITY),
                newMemberOverload("quantity_sub_int", QUANTITY, QUANTITY, INT)));
        d.add(fn("isLessThan", newMemberOverload("quantity_less", BOOL, QUANTITY, QUANTITY)));
        d.add(fn("isGreaterThan", newMemberOverload("quantity_greater", BOOL, QUANTITY, QUANTITY)));
        d.add(fn("compareTo", newMemberOverload("quantity_compare", INT, QUANTITY, QUANTITY)));
    }

    private static void formatDeclarations(List<CelFunctionDecl> d) {
        d.add(fn("format.named", newGlobalOverload("format_named", OptionalType.create(FORMAT), STRING)));
        for (String name : NamedFormat.ALL.keySet()) {
            d.add(fn("format." + name, newGlobalOverload("format_" + name, FORMAT, List.of())));
        }
        d.add(fn("validate", newMemberOverload("format_validate", OptionalType.create(ListType.create(STRING)),
                FORMAT, STRING)));
    }

    static List<CelFunctionBinding> bindings() {
        List<CelFunctionBinding> b = new ArrayList<>();
        b.add(CelFunctionBinding.from("list_is_sorted", List.class, CelListFunctions::isSorted));
        b.add(CelFunctionBinding.from("list_sum", List.class, CelListFunctions::sum));
        b.add(CelFunctionBinding.from("list_min", List.class, CelListFunctions::min));
        b.add(CelFunctionBinding.from("list_max", List.class, CelListFunctions::max));
        b.add(CelFunctionBinding.from("list_index_of", List.class, Object.class, CelListFunctions::indexOf));
        b.add(CelFunctionBinding.from("list_last_index_of", List.class, Object.class, CelListFunctions::lastIndexOf));
        b.add(CelFunctionBinding.from("string_find", String.class, String.class, CelListFunctions::find));
        b.add(CelFunctionBinding.from("string_find_all", String.class, String.class,
                (s, re) -> CelListFunctions.findAll(s, re, -1)));
        b.add(CelFunctionBinding.from("string_find_all_n", ImmutableList.of(String.class, String.class, Long.class),
                args -> CelListFunctions.findAll((String) args[0], (String) args[1], (Long) args[2])));
        urlBindings(b);
        quantityBindings(b);
        formatBindings(b);
        return b;
    }

    private static void urlBindings(List<CelFunctionBinding> b) {
        b.add(CelFunctionBinding.from("string_to_url", String.class, KubernetesCelLibrary::url));
        b.add(CelFunctionBinding.from("is_url_string", String.class, KubernetesUrl::isValid));
        b.add(CelFunctionBinding.from("url_getScheme", KubernetesUrl.class, KubernetesUrl::scheme));
        b.add(CelFunctionBinding.from("url_getHost", KubernetesUrl.class, KubernetesUrl::hostWithPort));
        b.add(CelFunctionBinding.from("url_getHostname", KubernetesUrl.class, KubernetesUrl::host));
        b.add(CelFunctionBinding.from("url_getPort", KubernetesUrl.class, KubernetesUrl::port));
        b.add(CelFunctionBinding.from("url_getEscapedPath", KubernetesUrl.class, KubernetesUrl::escapedPath));
        b.add(CelFunctionBinding.from("url_getQuery", KubernetesUrl.class, KubernetesUrl::query));
    }

    private static void quantityBindings(List<CelFunctionBinding> b) {
        Class<Quantity> q = Quantity.class;
        b.add(CelFunctionBinding.from("string_to_quantity", String.class, KubernetesCelLibrary::quantity));
        b.add(CelFunctionBinding.from("is_quantity_string", String.class, Quantity::isValid));
        b.add(CelFunctionBinding.from("quantity_sign", q, Quantity::sign));
        b.add(CelFunctionBinding.from("quantity_is_integer", q, Quantity::isInteger));
        b.add(CelFunctionBinding.from("quantity_get_int", q, KubernetesCelLibrary::asInteger));
        b.add(CelFunctionBinding.from("quantity_get_float", q, Quantity::asApproximateFloat));
        b.add(CelFunctionBinding.from("quantity_add", q, q, Quantity::add));
        b.add(CelFunctionBinding.from("quantity_add_int", q, Long.class, (x, y) -> x.add(Quantity.of(y))));
        b.add(CelFunctionBinding.from("quantity_sub", q, q, Quantity::sub));
        b.add(CelFunctionBinding.from("quantity_sub_int", q, Long.class, (x, y) -> x.sub(Quantity.of(y))));
        b.add(CelFunctionBinding.from("quantity_less", q, q, (x, y) -> x.compareTo(y) < 0));
        b.add(CelFunctionBinding.from("quantity_greater", q, q, (x, y) -> x.compareTo(y) > 0));
        b.add(CelFunctionBinding.from("quantity_compare", q, q, (x, y) -> (long) Integer.signum(x.compareTo(y))));
    }

    private static void formatBindings(List<CelFunctionBinding> b) {
        b.add(CelFunctionBinding.from("format_named", String.class,
                name -> Optional.ofNullable(NamedFormat.ALL.get(name))));
        NamedFormat.ALL.forEach((name, format) ->
                b.add(CelFunctionBinding.from("format_" + name, ImmutableList.of(), args -> format)));
        b.add(CelFunctionBinding.from("format_validate", NamedFormat.class, String.class, (f, s) -> {
            List<String> errors = f.validate(s);
            return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
        }));
    }

    private static KubernetesUrl url(String s) throws CelEvaluationException {
        try {
            return KubernetesUrl.parse(s);
        } catch (IllegalArgumentException e) {
            throw new CelEvaluationException("URL parse error during conversion from string: " + e.getMessage(), e);
        }
    }

    private static Quantity quantity(String s) throws CelEvaluationException {
        try {
            return Quantity.parse(s);
        } catch (IllegalArgumentException e) {
            throw new CelEvaluationException(e.getMessage(), e);
        }
    }

    private static long asInteger(Quantity q) throws CelEvaluationException {
        try {
            return q.asInteger();
        } catch (ArithmeticException e) {
            throw new CelEvaluationException(e.getMessage(), e);
        }
    }

    private static CelFunctionDecl fn(String name, CelOverloadDecl... overloads) {
        return CelFunctionDecl.newFunctionDeclaration(name, overloads);
    }
}
