package dev.diet.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a DIET plan file, format version 1, as YAML 1.1 or as JSON with the same schema, into a
 * {@link Plan} that remembers where every object and key stood ({@link Plan#locations()}).
 *
 * <p>Every reading problem is collected; when any of them is an error the reader throws one
 * {@link PlanException} carrying all of them (warnings included). It throws nothing else, whatever
 * the input. Warnings of a readable plan are kept in {@link Plan#readWarnings()}. Reference and
 * model rules (unknown classes, port specs, counts...) are checked by {@code Preflight}, not here.
 */
public final class PlanReader {
  /** Largest plan file read; real plans are a few hundred kilobytes at most. */
  static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

  private PlanReader() {}

  /** Reads the plan file at {@code file}; YAML unless its name ends in {@code .json}. */
  public static Plan read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw tooLarge(name);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw single(name, "no such file", "check the path of the plan file");
    } catch (IOException | SecurityException e) {
      throw single(name, "the file cannot be read: " + e.getMessage(), "check that the path is a readable file");
    }
    return readBytes(bytes, name);
  }

  /** Reads a plan from {@code in} (not closed); {@code sourceName} names it in problems. */
  public static Plan read(InputStream in, String sourceName) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw single(sourceName, "the plan cannot be read: " + e.getMessage(), "check the input");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw tooLarge(sourceName);
    }
    return readBytes(bytes, sourceName);
  }

  /** Reads a plan held in {@code text}; {@code sourceName} names it in problems. */
  public static Plan readString(String text, String sourceName) {
    return parse(text, sourceName);
  }

  private static Plan readBytes(byte[] bytes, String sourceName) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      return parse(utf8.decode(buffer).toString(), sourceName);
    } catch (CharacterCodingException e) {
      int bad = buffer.position();
      int line = 1;
      int column = 1;
      for (int i = 0; i < bad && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
          column = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          column++;
        }
      }
      throw new PlanException(
          List.of(
              Problem.error(
                  "yaml_parse_error",
                  new SourceLocation(sourceName, line, column),
                  "",
                  "the file is not UTF-8 text (bad byte at offset " + bad + ")",
                  "save the plan as UTF-8 text")));
    }
  }

  private static Plan parse(String rawText, String sourceName) {
    String name = sourceName == null ? "<plan>" : sourceName;
    String text = rawText.startsWith("\uFEFF") ? rawText.substring(1) : rawText;
    List<Problem> problems = new ArrayList<>();
    SourceNode root = null;
    if (looksLikeJson(name, text)) {
      List<Problem> jsonProblems = new ArrayList<>();
      root = SourceParser.parse(text, name, true, jsonProblems);
      if (root == null && name.toLowerCase(Locale.ROOT).endsWith(".json")) {
        problems.addAll(jsonProblems);
      }
    }
    if (root == null && problems.isEmpty()) {
      root = SourceParser.parse(text, name, false, problems);
    }
    if (root == null) {
      if (problems.stream().noneMatch(Problem::isError)) {
        problems.add(Problem.error("yaml_parse_error", new SourceLocation(name, 1, 1), "", "the file ends in the middle of a value", "complete the file"));
      }
      throw new PlanException(problems);
    }
    ReadContext ctx = new ReadContext(name, problems);
    Optional<Plan> plan = PlanAssembler.assemble(root, ctx);
    if (plan.isEmpty() || ctx.hasErrors()) {
      throw new PlanException(sorted(problems));
    }
    return plan.get();
  }

  /** JSON by extension, or by content: a document starting with '{' is tried as JSON first. */
  private static boolean looksLikeJson(String name, String text) {
    if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
      return true;
    }
    String start = text.stripLeading();
    return start.startsWith("{");
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(Problem.FILE_ORDER);
    return out;
  }

  private static PlanException single(String name, String message, String hint) {
    return new PlanException(List.of(Problem.error("unreadable_file", new SourceLocation(name, 1, 1), "", message, hint)));
  }

  private static PlanException tooLarge(String name) {
    return single(name, "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB", "a plan describes classes, not devices; check that this is a plan file");
  }
}
