package org.corpuskit.jobs.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.corpuskit.jobs.config.ConfigTree;
import org.corpuskit.jobs.config.PipelineConfig;
import org.corpuskit.jobs.io.FileStamps;
import org.corpuskit.jobs.io.InputFiles;

/**
 * Runs an ordered list of stages in a work directory, resuming where an earlier run stopped.
 *
 * <p>A stage is skipped when its marker records the fingerprint it would have now: the same settings and the
 * same input (the input files' sizes and times, or the fingerprints of the earlier stages it reads, and the
 * sizes and times of the files it reads from outside the pipeline, such as a clean document set). A change
 * to a stage's settings changes its fingerprint, so it reruns, and so does every stage that reads it. A stage
 * that fails leaves no marker; its next run clears its directory first. {@code from} forces a rerun of that
 * stage and every one after it; {@code to} stops after that stage.
 *
 * <p>After each stage the runner checks {@code in = out + rejected + failed} on the counts the stage took from
 * its written data, and stops with a {@link CountsException} when they disagree. Not thread-safe.
 */
public final class Pipeline {
  private final List<Stage> stages;
  private final Set<String> provided;

  /** A pipeline whose stages read the input files and each other's datasets. */
  public Pipeline(List<Stage> stages) {
    this(stages, Set.of());
  }

  /**
   * A pipeline some of whose stages read datasets given from outside ({@code provided}, as {@code stage/dataset}),
   * such as {@code corpus filter --input DOCS} reading documents made elsewhere.
   */
  public Pipeline(List<Stage> stages, Set<String> provided) {
    Set<String> written = new HashSet<>(provided);
    Set<String> names = new HashSet<>();
    for (Stage stage : stages) {
      if (!names.add(stage.name())) {
        throw new IllegalArgumentException("two stages are named " + stage.name());
      }
      for (String ref : stage.reads()) {
        if (!written.contains(ref)) {
          throw new IllegalArgumentException(stage.name() + " reads " + ref + ", which no earlier stage writes");
        }
      }
      stage.writes().forEach(d -> written.add(stage.name() + "/" + d));
    }
    this.stages = List.copyOf(stages);
    this.provided = Set.copyOf(provided);
  }

  /** The stages a run of {@code range} runs, in order. */
  public List<Stage> stages(Range range) {
    int[] bounds = check(range);
    return stages.subList(bounds[0], bounds[1] + 1);
  }

  public List<String> names() {
    return stages.stream().map(Stage::name).toList();
  }

  /** The stages to run: from {@code from} to {@code to}, both inclusive, either may be null. */
  public record Range(String from, String to) {
    public static final Range ALL = new Range(null, null);
  }

  /**
   * Everything a run needs besides the stages.
   *
   * @param external where each provided dataset is; their fingerprint is that of {@code inputs}, the files
   *     that make them up
   */
  public record Run(SparkSession spark, PipelineConfig config, InputFiles inputs, WorkDir workDir, Range range,
      String codeVersion, Map<String, String> external) {
    public Run {
      external = Map.copyOf(external);
    }

    public Run(SparkSession spark, PipelineConfig config, InputFiles inputs, WorkDir workDir, Range range,
        String codeVersion) {
      this(spark, config, inputs, workDir, range, codeVersion, Map.of());
    }
  }

  /**
   * Checks the range names known stages in order, before any work: a usage error otherwise.
   *
   * @return the indexes of the first and last stage to run
   */
  public int[] check(Range range) {
    int from = range.from() == null ? 0 : index(range.from(), "--from");
    int to = range.to() == null ? stages.size() - 1 : index(range.to(), "--to");
    if (from > to) {
      throw new UsageException("--from " + range.from() + " comes after --to " + range.to() + "; the stages run in "
          + "the order " + String.join(", ", names()));
    }
    return new int[] {from, to};
  }

  /**
   * Runs the stages of {@code run.range()}; {@code onStage} hears of each stage as it ends (to update run.json).
   *
   * @return what became of each stage, in order
   */
  public List<StageRun> run(Run run, Consumer<List<StageRun>> onStage) {
    int[] bounds = check(run.range());
    if (!run.external().keySet().equals(provided)) {
      throw new IllegalArgumentException("datasets given " + run.external().keySet() + ", expected " + provided);
    }
    boolean forced = run.range().from() != null;
    Map<String, String> fingerprints = new HashMap<>();
    Map<String, String> paths = new HashMap<>(run.external());
    run.external().keySet().forEach(ref -> fingerprints.put(ref, run.inputs().fingerprint()));
    List<StageRun> done = new ArrayList<>();
    for (int i = 0; i <= bounds[1]; i++) {
      Stage stage = stages.get(i);
      String settingsHash = ConfigTree.hash(stage.settings(run.config()).toArray());
      String inputFingerprint = inputFingerprint(stage, run, fingerprints);
      String fingerprint = ConfigTree.hash(stage.name(), settingsHash, inputFingerprint);
      Optional<StageMarker> marker = run.workDir().marker(stage.name());
      if (i < bounds[0]) {
        StageMarker earlier = marker.orElseThrow(() -> new UsageException("--from " + run.range().from()
            + ": stage " + stage.name() + " has no completed output in " + run.workDir().root()
            + "; run it first (leave out --from)"));
        fingerprint = earlier.fingerprint();
      } else if (!forced && marker.isPresent() && marker.get().fingerprint().equals(fingerprint)) {
        done.add(new StageRun(stage.name(), true, marker.get()));
      } else {
        String place = (i - bounds[0] + 1) + "/" + (bounds[1] - bounds[0] + 1) + " " + stage.name();
        StageMarker written = runStage(run, stage, place + known(stage, run, done), settingsHash,
            inputFingerprint, fingerprint, paths);
        done.add(new StageRun(stage.name(), false, written));
      }
      for (String dataset : stage.writes()) {
        paths.put(stage.name() + "/" + dataset, run.workDir().path(stage.name(), dataset));
        fingerprints.put(stage.name() + "/" + dataset, fingerprint);
      }
      onStage.accept(List.copyOf(done));
    }
    return done;
  }

  /**
   * What is known of a stage's size before it starts, for its progress line: the input files for a stage that
   * reads them, else the documents the stages before it wrote.
   */
  private static String known(Stage stage, Run run, List<StageRun> done) {
    if (stage.reads().isEmpty()) {
      int files = run.inputs().files().size();
      return ", " + String.format("%,d", files) + (files == 1 ? " file" : " files");
    }
    // Named by where they come from: a stage may read more beside them (tokenize the other sources' files).
    long documents = 0;
    List<String> from = new ArrayList<>();
    for (String ref : stage.reads()) {
      String[] parts = ref.split("/", 2);
      Optional<StageRun> upstream = done.stream().filter(d -> d.stage().equals(parts[0])).findFirst();
      if (upstream.isEmpty() || !parts[1].equals("documents")) {
        return "";
      }
      documents += upstream.get().marker().counts().out();
      from.add(parts[0]);
    }
    return String.format(", %,d documents from %s", documents, String.join(" and ", from));
  }

  private StageMarker runStage(Run run, Stage stage, String place, String settingsHash, String inputFingerprint,
      String fingerprint, Map<String, String> paths) {
    WorkDir workDir = run.workDir();
    workDir.clearStage(stage.name());
    Map<String, String> reads = new LinkedHashMap<>();
    stage.reads().forEach(ref -> reads.put(ref, paths.get(ref)));
    StageContext context = new StageContext(run.spark(), run.config(), run.inputs(), workDir, stage, reads);
    Instant started = Instant.now();
    StageCounts counts;
    run.spark().sparkContext().setJobGroup(stage.name(), "corpus stage " + stage.name(), false);
    long inputBytes = stage.reads().isEmpty() ? run.inputs().files().stream().mapToLong(f -> f.size()).sum() : -1;
    org.apache.spark.scheduler.SparkListener fault = FaultPoint.armWriting(run.spark(), stage.name());
    try (Progress progress = Progress.start(run.spark(), place, inputBytes)) {
      counts = stage.run(context);
    } catch (Exception | Error e) {
      // Spark throws checked exceptions (AnalysisException) without declaring them: catch them all.
      throw new StageFailedException(stage.name(), e);
    } finally {
      run.spark().sparkContext().clearJobGroup();
      if (fault != null) {
        run.spark().sparkContext().removeSparkListener(fault);
      }
    }
    if (!counts.addsUp()) {
      throw new CountsException(stage.name(), counts);
    }
    Instant ended = Instant.now();
    StageMarker marker = new StageMarker(stage.name(), fingerprint, settingsHash, inputFingerprint,
        run.codeVersion(), started.toString(), ended.toString(),
        (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0, counts, stage.writes());
    FaultPoint.beforeMarker(stage.name());
    workDir.writeMarker(marker);
    return marker;
  }

  /**
   * The input files' fingerprint, or those of the datasets it reads (by {@code stage/dataset}), with the stamps
   * of the files it reads from outside the pipeline.
   */
  private static String inputFingerprint(Stage stage, Run run, Map<String, String> fingerprints) {
    List<String> outside = stage.outsideFiles(run.config());
    String own = outside.isEmpty() ? ""
        : FileStamps.of(run.spark().sparkContext().hadoopConfiguration(), outside);
    if (stage.reads().isEmpty()) {
      return outside.isEmpty() ? run.inputs().fingerprint() : ConfigTree.hash(run.inputs().fingerprint(), own);
    }
    List<String> upstream = new ArrayList<>();
    for (String ref : stage.reads()) {
      upstream.add(ref + "@" + fingerprints.get(ref));
    }
    return outside.isEmpty() ? ConfigTree.hash(upstream) : ConfigTree.hash(upstream, own);
  }

  private int index(String name, String option) {
    int i = names().indexOf(name);
    if (i < 0) {
      throw new UsageException(option + " " + name + ": no such stage; the stages are " + String.join(", ", names()));
    }
    return i;
  }
}
