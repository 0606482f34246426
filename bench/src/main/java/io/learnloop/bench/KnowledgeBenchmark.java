package io.learnloop.bench;

import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.eval.EvalQuestion;
import io.learnloop.knowledge.eval.EvalQuestions;
import io.learnloop.knowledge.index.Chunk;
import io.learnloop.knowledge.index.Chunker;
import io.learnloop.knowledge.index.Embedder;
import io.learnloop.knowledge.index.IndexProgress;
import io.learnloop.knowledge.index.IndexReport;
import io.learnloop.knowledge.index.KnowledgeIndex;
import io.learnloop.knowledge.ingest.DocumentReader;
import io.learnloop.knowledge.ingest.SourceDocument;
import io.learnloop.knowledge.search.AccessScope;
import io.learnloop.knowledge.search.Fusion;
import io.learnloop.knowledge.search.HybridSearcher;
import io.learnloop.knowledge.search.QueryTranslator;
import io.learnloop.knowledge.search.RetrievalMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Ingestion throughput against the embedding model's raw throughput, index size, and retrieval
 * latency at 1k, 10k and 100k chunks, with heap and RSS. Larger corpora are grown by replicating
 * the handbook's chunks (text as is, vectors with small noise so the HNSW graph is not built over
 * exact duplicates), so that no extra embedding time is spent on copies.
 *
 * <p>Usage: {@code ./bench/run.sh KnowledgeBenchmark [docs dir] [questions.jsonl] [report.md]}
 */
public final class KnowledgeBenchmark {

  private static final int[] SIZES = {1_000, 10_000, 100_000};
  private static final int ROUNDS = 2;

  private KnowledgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path docs = Path.of(args.length > 0 ? args[0] : "../shared/corpora/18f-handbook");
    Path questionsFile = Path.of(args.length > 1 ? args[1] : "eval/18f-questions.jsonl");
    Path report = Path.of(args.length > 2 ? args[2] : "docs/BENCHMARKS-KNOWLEDGE.md");
    Path work = Files.createTempDirectory("learnloop-bench");
    StringBuilder md = new StringBuilder();
    md.append("# Knowledge index benchmarks\n\n")
        .append("Produced by `./bench/run.sh KnowledgeBenchmark` on ")
        .append(machine())
        .append(". Docs: `")
        .append(docs)
        .append("`; queries: the questions of `")
        .append(questionsFile)
        .append("`.\n\n");

    Embedder embedder = Embedder.defaultModel();
    DocsFolder folder = DocsFolder.open(docs);
    List<Chunk> chunks = chunk(folder);
    List<String> texts = chunks.stream().map(Chunk::embeddingText).toList();
    embedder.embedAll(texts.subList(0, Math.min(64, texts.size())));

    // Raw model and full ingestion alternate, best of each kept: load from other processes on a
    // shared machine then hits both alike instead of skewing their ratio.
    double rawRate = 0;
    double ingestRate = 0;
    IndexReport ingest = null;
    List<float[]> vectors = null;
    Path ingestDir = null;
    for (int round = 1; round <= ROUNDS; round++) {
      long rawStart = System.nanoTime();
      vectors = embedder.embedAll(texts);
      rawRate = Math.max(rawRate, texts.size() / ((System.nanoTime() - rawStart) / 1e9));
      ingestDir = work.resolve("ingest-" + round);
      try (KnowledgeIndex index =
          KnowledgeIndex.open(ingestDir, embedder, Chunker.standard(), "")) {
        ingest = index.update(folder, IndexProgress.NONE);
      }
      ingestRate = Math.max(ingestRate, ingest.chunks() / (ingest.millis() / 1000.0));
    }
    long incrementalMillis;
    try (KnowledgeIndex index = KnowledgeIndex.open(ingestDir, embedder, Chunker.standard(), "")) {
      incrementalMillis = index.update(folder, IndexProgress.NONE).millis();
    }
    md.append("## Ingestion\n\n")
        .append("| measure | value |\n|---|---|\n")
        .append(row("documents", ingest.documents()))
        .append(
            row(
                "chunks (mean "
                    + Math.round(texts.stream().mapToInt(String::length).average().orElse(0))
                    + " characters embedded)",
                ingest.chunks()))
        .append(
            row(
                "embedding model alone (embedAll, same texts; best of " + ROUNDS + ")",
                String.format(Locale.ROOT, "%.1f chunks/s", rawRate)))
        .append(
            row(
                "full ingestion (read, chunk, embed, index, commit; best of "
                    + ROUNDS
                    + ", alternating)",
                String.format(Locale.ROOT, "%.1f chunks/s", ingestRate)))
        .append(
            row(
                "**ingestion / model throughput**",
                String.format(Locale.ROOT, "**%.2f**", ingestRate / rawRate)))
        .append(row("re-run with nothing changed", incrementalMillis + " ms"))
        .append(row("index size on disk", megabytes(size(ingestDir))))
        .append("\n");
    System.out.print(md);

    List<EvalQuestion> questions = EvalQuestions.read(questionsFile, System.err);
    md.append(
            "## Retrieval latency (hybrid: BM25 + HNSW kNN + fusion, query embedding included)\n\n")
        .append(
            "| chunks | index size | p50 ms | p95 ms | p99 ms | BM25 only p95 ms | vector only p95 ms | heap used MB | RSS MB |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Random random = new Random(42);
    for (int size : SIZES) {
      Path dir = work.resolve("size-" + size);
      try (KnowledgeIndex index = KnowledgeIndex.open(dir, embedder, Chunker.standard(), "")) {
        grow(index, chunks, vectors, size, random);
        HybridSearcher searcher =
            new HybridSearcher(index, QueryTranslator.bundled(), Fusion.standard());
        Map<RetrievalMode, Histogram> latencies = latencies(searcher, questions);
        Histogram hybrid = latencies.get(RetrievalMode.HYBRID);
        Histogram bm25 = latencies.get(RetrievalMode.BM25);
        Histogram vector = latencies.get(RetrievalMode.VECTOR);
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        String line =
            String.format(
                Locale.ROOT,
                "| %,d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n",
                index.chunks(),
                megabytes(size(dir)),
                ms(hybrid, 50),
                ms(hybrid, 95),
                ms(hybrid, 99),
                ms(bm25, 95),
                ms(vector, 95),
                heap >> 20,
                rssKb() >> 10);
        md.append(line);
        System.out.print(line);
      }
    }
    md.append(
        "\nEach row first runs every question once per mode (JIT and page-cache warm-up), then three"
            + " rounds in which each question runs in each mode in turn, one query at a time. Heap is"
            + " measured after a GC with the index open; RSS includes the ONNX runtime and the"
            + " memory-mapped index. Machine load (uptime) at the end: "
            + loadAverage()
            + ".\n");
    Files.writeString(report, md.toString());
    System.out.println("Wrote " + report);
  }

  private static List<Chunk> chunk(DocsFolder folder) throws IOException {
    List<Chunk> chunks = new ArrayList<>();
    for (Path file : folder.documents()) {
      try {
        SourceDocument document =
            DocumentReader.forFile(file).orElseThrow().read(file, folder.sourceOf(file));
        chunks.addAll(Chunker.standard().chunk(document, ""));
      } catch (Exception e) {
        System.err.println("skipped " + file + ": " + e.getMessage());
      }
    }
    return chunks;
  }

  private static void grow(
      KnowledgeIndex index, List<Chunk> chunks, List<float[]> vectors, int size, Random random) {
    List<Chunk> batch = new ArrayList<>();
    List<float[]> batchVectors = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int copy = i / chunks.size();
      Chunk original = chunks.get(i % chunks.size());
      batch.add(
          copy == 0
              ? original
              : new Chunk(
                  "copy" + copy + "/" + original.id(),
                  "copy" + copy + "/" + original.source(),
                  original.title(),
                  original.section(),
                  original.anchor(),
                  original.text(),
                  original.language(),
                  original.groups(),
                  original.keywords(),
                  original.url(),
                  original.overview()));
      batchVectors.add(
          copy == 0
              ? vectors.get(i % chunks.size())
              : jitter(vectors.get(i % chunks.size()), random));
      if (batch.size() == 5_000) {
        index.addEmbedded(batch, batchVectors);
        batch.clear();
        batchVectors.clear();
      }
    }
    index.addEmbedded(batch, batchVectors);
  }

  private static float[] jitter(float[] vector, Random random) {
    float[] copy = Arrays.copyOf(vector, vector.length);
    for (int d = 0; d < copy.length; d++) {
      copy[d] += (float) (random.nextGaussian() * 0.02);
    }
    return copy;
  }

  /**
   * Every question once in every mode to warm the JIT and the memory-mapped index, then three
   * rounds in which each question runs in each mode in turn, so that no mode alone pays for a cold
   * cache or a burst of load from elsewhere.
   */
  private static Map<RetrievalMode, Histogram> latencies(
      HybridSearcher searcher, List<EvalQuestion> questions) {
    Map<RetrievalMode, Histogram> histograms = new EnumMap<>(RetrievalMode.class);
    for (RetrievalMode mode : RetrievalMode.values()) {
      histograms.put(mode, new Histogram(60_000_000_000L, 3));
      for (EvalQuestion question : questions) {
        searcher.search(question.question(), AccessScope.publicOnly(), mode, 10);
      }
    }
    for (int round = 0; round < 3; round++) {
      for (EvalQuestion question : questions) {
        for (RetrievalMode mode : RetrievalMode.values()) {
          long start = System.nanoTime();
          searcher.search(question.question(), AccessScope.publicOnly(), mode, 10);
          histograms.get(mode).recordValue(System.nanoTime() - start);
        }
      }
    }
    return histograms;
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return 0;
  }

  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  private static String row(String name, Object value) {
    return "| " + name + " | " + value + " |\n";
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores as seen by the JVM, "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version")
        + ", max heap "
        + (Runtime.getRuntime().maxMemory() >> 20)
        + " MB, "
        + ManagementFactory.getOperatingSystemMXBean().getName();
  }
}
