package io.capj.apiserver.internal.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.capj.apimachinery.Json;
import io.capj.apimachinery.StatusException;
import io.capj.apiserver.internal.http.MediaTypes;
import java.io.IOException;

/**
 * Turns a Kubernetes protobuf request body ({@code application/vnd.kubernetes.protobuf}) into the JSON object
 * the same client would have sent as {@code application/json}. The body is the 4-byte magic {@code k8s\0}
 * followed by a {@code runtime.Unknown} (k8s.io/apimachinery {@code pkg/runtime/generated.proto}:
 * typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2, contentEncoding = 3, contentType = 4) whose {@code raw}
 * is the kind's message; as upstream's protobuf serializer does, contentEncoding and contentType are ignored.
 * Kinds: core/v1 Namespace, ConfigMap, Secret, ServiceAccount, Event, Node; coordination.k8s.io/v1 Lease;
 * authorization.k8s.io/v1 SelfSubjectAccessReview; authentication.k8s.io SelfSubjectReview (v1, v1beta1,
 * v1alpha1) and v1 TokenRequest. Omission follows the Go JSON tags of upstream HEAD: zero
 * {@code creationTimestamp} is left out (kubectl ≤ 1.33 wrote {@code null}), other zero times are {@code null}.
 */
public final class ProtobufBodies {
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private ProtobufBodies() {
    }

    /** True if {@code contentType} is Kubernetes protobuf, whatever its parameters and case. */
    public static boolean isProtobuf(String contentType) {
        return MediaTypes.PROTOBUF.equals(MediaTypes.base(contentType));
    }

    /**
     * The body as a JSON object with {@code kind} and {@code apiVersion} from the envelope first.
     *
     * @throws StatusException 400 BadRequest if the body is not a well-formed envelope or message, 415
     *         UnsupportedMediaType if its kind is not one this server decodes from protobuf
     */
    public static ObjectNode toJson(byte[] body) {
        Envelope envelope = Envelope.read(body);
        ProtoMessage type = KnownKinds.lookup(envelope.apiVersion(), envelope.kind());
        if (type == null) {
            throw StatusException.unsupportedMediaType("the body of the request was in an unknown format - protobuf"
                    + " is not supported for " + envelope.apiVersion() + ", Kind=" + envelope.kind()
                    + "; send it as JSON - accepted media types include: application/json, application/yaml");
        }
        ObjectNode object = Json.object();
        object.put("kind", envelope.kind());
        object.put("apiVersion", envelope.apiVersion());
        try {
            object.setAll(MessageDecoder.decode(type, envelope.raw(), ""));
        } catch (MalformedMessageException e) {
            // upstream's transformDecodeError wording, so clients see the same 400 as from kube-apiserver
            throw StatusException.badRequest(envelope.kind() + " in version \"" + version(envelope.apiVersion())
                    + "\" cannot be handled as a " + envelope.kind() + ": " + e.getMessage());
        }
        return object;
    }

    private static String version(String apiVersion) {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** The {@code runtime.Unknown} wrapper; an absent string reads as "", absent raw as no bytes. */
    private record Envelope(String apiVersion, String kind, ByteString raw) {

        static Envelope read(byte[] body) {
            if (body == null || body.length == 0) {
                throw malformed("empty data");
            }
            if (!startsWithMagic(body)) {
                throw malformed("provided data does not appear to be a protobuf message, expected prefix k8s\\x00");
            }
            if (body.length == MAGIC.length) {
                throw malformed("empty body");
            }
            String apiVersion = "";
            String kind = "";
            ByteString raw = ByteString.EMPTY;
            try {
                CodedInputStream in = CodedInputStream.newInstance(body, MAGIC.length, body.length - MAGIC.length);
                for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                    switch (knownField(tag, 4, "the envelope")) {
                        case 1 -> {
                            String[] typeMeta = readTypeMeta(in.readBytes(), apiVersion, kind);
                            apiVersion = typeMeta[0];
                            kind = typeMeta[1];
                        }
                        case 2 -> raw = in.readBytes();
                        case 3, 4 -> in.readBytes(); // contentEncoding, contentType: ignored, as upstream does
                        default -> skip(in, tag, "the envelope");
                    }
                }
            } catch (IOException e) {
                throw malformed("the envelope is not a valid runtime.Unknown: " + e.getMessage());
            }
            if (kind.isEmpty()) {
                throw malformed("Object 'Kind' is missing in the protobuf envelope");
            }
            if (apiVersion.isEmpty()) {
                throw malformed("Object 'apiVersion' is missing in the protobuf envelope");
            }
            return new Envelope(apiVersion, kind, raw);
        }

        /** typeMeta occurrences merge field by field, as protobuf merges repeated message fields. */
        private static String[] readTypeMeta(ByteString bytes, String apiVersion, String kind) throws IOException {
            String[] result = {apiVersion, kind};
            CodedInputStream in = bytes.newCodedInput();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (knownField(tag, 2, "the envelope's typeMeta")) {
                    case 1 -> result[0] = in.readBytes().toStringUtf8();
                    case 2 -> result[1] = in.readBytes().toStringUtf8();
                    default -> skip(in, tag, "the envelope's typeMeta");
                }
            }
            return result;
        }

        /**
         * The number of a known field (1..{@code known}, all length-delimited in runtime.Unknown and TypeMeta),
         * or 0 for a field to skip.
         */
        private static int knownField(int tag, int known, String where) {
            int number = WireFormat.getTagFieldNumber(tag);
            if (number > known) {
                return 0;
            }
            if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                throw malformed("wrong wire type " + WireFormat.getTagWireType(tag) + " for field number " + number
                        + " in " + where);
            }
            return number;
        }

        private static void skip(CodedInputStream in, int tag, String where) throws IOException {
            if (!in.skipField(tag)) {
                throw malformed("unexpected end-group tag in " + where);
            }
        }

        private static boolean startsWithMagic(byte[] body) {
            if (body.length < MAGIC.length) {
                return false;
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (body[i] != MAGIC[i]) {
                    return false;
                }
            }
            return true;
        }

        private static StatusException malformed(String detail) {
            return StatusException.badRequest("the object provided is unrecognized (protobuf): " + detail);
        }
    }
}
