package pe.cardumen.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code saved_model.pb} and checks its graph before anything runs it: every operation of
 * every meta-graph and of its function library must be on an allow-list of arithmetic, neural-network
 * and variable/checkpoint operations. Operations that touch files or run code ({@code ReadFile},
 * {@code WriteFile}, {@code MatchingFiles}, {@code PyFunc}, …) are not on it, so a crafted SavedModel is
 * refused. The checkpoint operations a SavedModel needs to restore its own variables ({@code RestoreV2},
 * {@code SaveV2} and their helpers) are allowed: TensorFlow feeds them the path of the version's
 * {@code variables/} folder.
 */
public final class GraphScanner {
    /** Operations a model may contain. */
    public static final Set<String> ALLOWED = Set.of(
            // graph plumbing
            "Const", "Placeholder", "PlaceholderWithDefault", "Identity", "IdentityN", "NoOp", "StopGradient", "PartitionedCall",
            "StatefulPartitionedCall",
            // variables and the SavedModel's own checkpoint
            "VariableV2", "VarHandleOp", "ReadVariableOp", "AssignVariableOp", "Assign", "VarIsInitializedOp", "DisableCopyOnRead", "RestoreV2",
            "SaveV2", "ShardedFilename", "MergeV2Checkpoints", "StringJoin", "StaticRegexFullMatch", "Select", "SelectV2",
            // arithmetic
            "Add", "AddV2", "AddN", "Sub", "Mul", "RealDiv", "Div", "DivNoNan", "Maximum", "Minimum", "Neg", "Abs", "Square", "Sqrt", "Rsqrt", "Exp",
            "Log", "Log1p", "Expm1", "Pow", "Sum", "Mean", "Max", "Min", "MatMul", "BatchMatMulV2", "BiasAdd", "Cast", "Floor", "Round", "Sign",
            "Less", "Greater", "LessEqual", "GreaterEqual", "Equal", "NotEqual", "IsNan", "LogicalAnd", "LogicalOr", "LogicalNot",
            // activations
            "Relu", "Relu6", "LeakyRelu", "Elu", "Selu", "Tanh", "Sigmoid", "Softplus", "Softsign", "Softmax",
            // shapes
            "Reshape", "Shape", "StridedSlice", "Slice", "Squeeze", "ExpandDims", "ConcatV2", "Concat", "Pack", "Unpack", "Fill", "ZerosLike",
            "OnesLike", "Transpose", "GatherV2", "Split", "SplitV", "Tile", "Range");

    /** What the scan found. */
    public record Scan(Set<String> operations, Set<String> refused, List<String> signatures) {
    }

    private GraphScanner() {
    }

    /**
     * Scans a {@code saved_model.pb}.
     *
     * @throws IOException when it cannot be read or is not a SavedModel protocol buffer
     */
    public static Scan scan(Path savedModelPb) throws IOException {
        org.tensorflow.proto.SavedModel model;
        try {
            model = org.tensorflow.proto.SavedModel.parseFrom(Files.readAllBytes(savedModelPb));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException(savedModelPb + ": not a SavedModel (" + e.getMessage() + ")", e);
        }
        if (model.getMetaGraphsCount() == 0) {
            throw new IOException(savedModelPb + ": a SavedModel without any meta-graph");
        }
        Set<String> ops = new TreeSet<>();
        List<String> signatures = new ArrayList<>();
        for (var meta : model.getMetaGraphsList()) {
            meta.getGraphDef().getNodeList().forEach(n -> ops.add(n.getOp()));
            for (var f : meta.getGraphDef().getLibrary().getFunctionList()) {
                f.getNodeDefList().forEach(n -> ops.add(n.getOp()));
            }
            for (var e : meta.getSignatureDefMap().entrySet()) {
                signatures.add(String.join(",", meta.getMetaInfoDef().getTagsList()) + "/" + e.getKey() + ": " + e.getValue().getInputsMap().keySet()
                        + " -> " + e.getValue().getOutputsMap().keySet());
            }
        }
        Set<String> refused = new TreeSet<>(ops);
        refused.removeAll(ALLOWED);
        return new Scan(ops, refused, signatures);
    }

    /**
     * The signature's input and output names and the input's width (columns; −1 when not fixed), for
     * the given tag and key; {@code null} when the SavedModel has no such signature.
     */
    public static String[] signature(Path savedModelPb, String tag, String key) throws IOException {
        var model = org.tensorflow.proto.SavedModel.parseFrom(Files.readAllBytes(savedModelPb));
        for (var meta : model.getMetaGraphsList()) {
            if (!meta.getMetaInfoDef().getTagsList().contains(tag)) {
                continue;
            }
            var sig = meta.getSignatureDefMap().get(key);
            if (sig == null) {
                return null;
            }
            String in = String.join(",", sig.getInputsMap().keySet());
            String out = String.join(",", sig.getOutputsMap().keySet());
            long width = -1;
            if (sig.getInputsCount() == 1) {
                var shape = sig.getInputsMap().values().iterator().next().getTensorShape();
                if (shape.getDimCount() == 2) {
                    width = shape.getDim(1).getSize();
                }
            }
            return new String[] {in, out, Long.toString(width)};
        }
        return null;
    }
}
