package dev.nn.core.onnx;

import dev.nn.core.model.Model;

import java.util.List;

/**
 * A model read from an ONNX file, with what the reader had to interpret on the way (e.g. "the graph ends in
 * logits"), for the user to see.
 *
 * @param model the model, ready to evaluate, predict with or save as an nn model file
 * @param notes one line each; empty when the graph was plainly an nn network
 */
public record ImportedModel(Model model, List<String> notes) {
}
