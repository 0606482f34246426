package io.learnloop.knowledge.index;

import io.learnloop.knowledge.DocsFolder;
import io.learnloop.knowledge.ingest.DocumentReader;
import io.learnloop.knowledge.ingest.SourceDocument;
import io.learnloop.knowledge.ingest.UnreadableDocumentException;
import io.learnloop.knowledge.search.PreparedQuery;
import io.learnloop.knowledge.search.QueryTranslator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lucene index on disk holding every chunk's text fields (English and Indonesian analyzers) and
 * its embedding ({@link KnnFloatVectorField}). Updates are incremental: a document is re-read and
 * re-embedded only when its bytes changed; documents that disappeared are removed.
 */
public final class KnowledgeIndex implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
  private static final String MANIFEST = "manifest";
  private static final String CHUNK = "chunk";
  private static final String SCHEMA_KEY = "learnloop.schema";
  private static final int EMBED_BATCH = 64;
  private static final QueryTranslator TRANSLATOR = QueryTranslator.bundled();

  private final Path directory;
  private final Embedder embedder;
  private final Chunker chunker;
  private final String baseUrl;
  private final String schema;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private KnowledgeIndex(
      Path directory,
      Embedder embedder,
      Chunker chunker,
      String baseUrl,
      String schema,
      IndexWriter writer)
      throws IOException {
    this.directory = directory;
    this.embedder = embedder;
    this.chunker = chunker;
    this.baseUrl = baseUrl;
    this.schema = schema;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens the index in {@code directory}, creating it if needed. An index written with another
   * model or chunking is emptied, so the next {@link #update} rebuilds it.
   *
   * @param baseUrl prefix of documents' URLs (e.g. {@code https://wiki.example.com/}); empty for
   *     none
   */
  public static KnowledgeIndex open(
      Path directory, Embedder embedder, Chunker chunker, String baseUrl) {
    String schema = "v6;model=" + embedder.modelId() + ";chunker=" + chunker;
    try {
      Files.createDirectories(directory);
      IndexWriterConfig config = new IndexWriterConfig(ChunkFields.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      IndexWriter writer = new IndexWriter(FSDirectory.open(directory), config);
      String stored = storedSchema(writer);
      if (stored != null && !stored.equals(schema)) {
        log.info("Index in {} was built with {}; rebuilding for {}", directory, stored, schema);
        writer.deleteAll();
      }
      return new KnowledgeIndex(directory, embedder, chunker, baseUrl, schema, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the knowledge index in " + directory + ": " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return directory;
  }

  public Embedder embedder() {
    return embedder;
  }

  /** Brings the index up to date with the docs folder. */
  public IndexReport update(DocsFolder docs, IndexProgress progress) {
    long start = System.nanoTime();
    try {
      Map<String, String> indexed = manifest();
      Map<String, Path> changed = new LinkedHashMap<>();
      Map<String, String> hashes = new HashMap<>();
      List<Path> files = docs.documents();
      for (Path file : files) {
        String source = docs.sourceOf(file);
        String hash = hash(file);
        hashes.put(source, hash);
        if (!hash.equals(indexed.get(source))) {
          changed.put(source, file);
        }
      }
      progress.started(files.size(), changed.size());
      int removed = 0;
      for (String source : indexed.keySet()) {
        if (!hashes.containsKey(source)) {
          writer.deleteDocuments(new Term(ChunkFields.SOURCE, source));
          removed++;
        }
      }
      List<String> skipped = new ArrayList<>();
      int[] chunkCount = {0};
      Batch batch = new Batch();
      for (var entry : changed.entrySet()) {
        String source = entry.getKey();
        List<Chunk> chunks = read(entry.getValue(), source, skipped, progress);
        batch.add(source, hashes.get(source), chunks);
        if (batch.size() >= EMBED_BATCH) {
          chunkCount[0] += batch.write(progress);
        }
      }
      chunkCount[0] += batch.write(progress);
      writer.setLiveCommitData(Map.of(SCHEMA_KEY, schema).entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
      return new IndexReport(
          files.size(),
          changed.size() - skipped.size(),
          files.size() - changed.size(),
          removed,
          chunkCount[0],
          skipped,
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Indexing into " + directory + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a searcher over the latest committed index. */
  public <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Searching " + directory + " failed: " + e.getMessage(), e);
    }
  }

  /** Work done with a searcher. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** The number of chunks in the index. */
  public int chunks() {
    return withSearcher(
        searcher -> searcher.count(new TermQuery(new Term(ChunkFields.KIND, CHUNK))));
  }

  /** Adds already-embedded chunks, for benchmarks that grow an index without re-embedding. */
  public void addEmbedded(List<Chunk> chunks, List<float[]> vectors) {
    try {
      for (int i = 0; i < chunks.size(); i++) {
        writer.addDocument(chunkDocument(chunks.get(i), vectors.get(i), ""));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
  }

  private List<Chunk> read(Path file, String source, List<String> skipped, IndexProgress progress) {
    DocumentReader reader = DocumentReader.forFile(file).orElseThrow();
    try {
      SourceDocument document = reader.read(file, source);
      String url =
          !document.url().isEmpty() ? document.url() : baseUrl.isEmpty() ? "" : baseUrl + source;
      return chunker.chunk(document, url);
    } catch (UnreadableDocumentException | IOException | RuntimeException e) {
      String reason = e instanceof UnreadableDocumentException ? e.getMessage() : source + ": " + e;
      log.warn("Skipped {}", reason);
      skipped.add(reason);
      progress.skipped(source, reason);
      return List.of();
    }
  }

  /** Chunks of several documents embedded together, so the model always gets full batches. */
  private final class Batch {
    private final Map<String, String> hashes = new LinkedHashMap<>();
    private final Map<String, List<Chunk>> chunks = new LinkedHashMap<>();
    private int size;

    void add(String source, String hash, List<Chunk> documentChunks) {
      hashes.put(source, hash);
      chunks.put(source, documentChunks);
      size += documentChunks.size();
    }

    int size() {
      return size;
    }

    int write(IndexProgress progress) throws IOException {
      List<Chunk> all = chunks.values().stream().flatMap(List::stream).toList();
      List<float[]> vectors =
          embedder.embedAll(all.stream().map(KnowledgeIndex::embeddingText).toList());
      int next = 0;
      for (var entry : chunks.entrySet()) {
        String source = entry.getKey();
        List<Document> documents = new ArrayList<>();
        for (Chunk chunk : entry.getValue()) {
          documents.add(chunkDocument(chunk, vectors.get(next++), hashes.get(source)));
        }
        documents.add(manifestDocument(source, hashes.get(source)));
        writer.updateDocuments(new Term(ChunkFields.SOURCE, source), documents);
        progress.indexed(source, entry.getValue().size());
      }
      int written = all.size();
      hashes.clear();
      chunks.clear();
      size = 0;
      return written;
    }
  }

  /**
   * The embedding model knows only English, so an Indonesian passage is embedded through its
   * glossary translation: crude, but it puts "cuti sakit" near "sick leave" questions.
   */
  private static String embeddingText(Chunk chunk) {
    PreparedQuery translated = TRANSLATOR.prepare(chunk.text());
    if (!"id".equals(chunk.language()) && !translated.indonesian()) {
      return chunk.embeddingText();
    }
    return chunk.title()
        + (chunk.section().isEmpty() ? "" : " > " + chunk.section())
        + "\n"
        + translated.english();
  }

  private Document chunkDocument(Chunk chunk, float[] vector, String hash) {
    Document doc = new Document();
    doc.add(new StringField(ChunkFields.KIND, CHUNK, Field.Store.NO));
    doc.add(new StringField(ChunkFields.ID, chunk.id(), Field.Store.YES));
    doc.add(new StringField(ChunkFields.SOURCE, chunk.source(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ChunkFields.SOURCE_KEY, new BytesRef(chunk.source())));
    doc.add(new StringField(ChunkFields.LANGUAGE, chunk.language(), Field.Store.YES));
    doc.add(new StoredField(ChunkFields.TITLE, chunk.title()));
    doc.add(new StoredField(ChunkFields.SECTION, chunk.section()));
    doc.add(new StoredField(ChunkFields.ANCHOR, chunk.anchor()));
    doc.add(new StoredField(ChunkFields.URL, chunk.url()));
    doc.add(new StoredField(ChunkFields.TEXT, chunk.text()));
    doc.add(new StoredField(ChunkFields.OVERVIEW, chunk.overview() ? 1 : 0));
    if (chunk.groups().isEmpty()) {
      doc.add(new StringField(ChunkFields.GROUP, ChunkFields.PUBLIC_GROUP, Field.Store.NO));
    }
    for (String group : chunk.groups()) {
      doc.add(new StringField(ChunkFields.GROUP, group, Field.Store.YES));
    }
    doc.add(new TextField(ChunkFields.TITLE_EN, chunk.title(), Field.Store.NO));
    doc.add(new TextField(ChunkFields.TITLE_ID, chunk.title(), Field.Store.NO));
    doc.add(new TextField(ChunkFields.HEADINGS_EN, chunk.section(), Field.Store.NO));
    doc.add(new TextField(ChunkFields.HEADINGS_ID, chunk.section(), Field.Store.NO));
    doc.add(new TextField(ChunkFields.BODY_EN, chunk.text(), Field.Store.NO));
    doc.add(new TextField(ChunkFields.BODY_ID, chunk.text(), Field.Store.NO));
    doc.add(new TextField(ChunkFields.KEYWORDS_EN, chunk.keywords(), Field.Store.NO));
    doc.add(new KnnFloatVectorField(ChunkFields.VECTOR, vector, VectorSimilarityFunction.COSINE));
    return doc;
  }

  private static Document manifestDocument(String source, String hash) {
    Document doc = new Document();
    doc.add(new StringField(ChunkFields.KIND, MANIFEST, Field.Store.NO));
    doc.add(new StringField(ChunkFields.SOURCE, source, Field.Store.YES));
    doc.add(new StoredField(ChunkFields.HASH, hash));
    return doc;
  }

  /** The source path, relative to the docs root, of every document the index holds. */
  public Set<String> sources() {
    try {
      return Set.copyOf(manifest().keySet());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the knowledge index: " + e.getMessage(), e);
    }
  }

  /** Source → content hash of every document the index holds. */
  private Map<String, String> manifest() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery manifests = new TermQuery(new Term(ChunkFields.KIND, MANIFEST));
      Map<String, String> hashes = new HashMap<>();
      ScoreDoc[] docs =
          searcher.search(manifests, Math.max(1, searcher.count(manifests))).scoreDocs;
      var stored = searcher.storedFields();
      for (ScoreDoc hit : docs) {
        Document doc = stored.document(hit.doc);
        hashes.put(doc.get(ChunkFields.SOURCE), doc.get(ChunkFields.HASH));
      }
      return hashes;
    }
  }

  private static String storedSchema(IndexWriter writer) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data == null) {
      return null;
    }
    for (Map.Entry<String, String> entry : data) {
      if (SCHEMA_KEY.equals(entry.getKey())) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String hash(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "KnowledgeIndex[" + Objects.toString(directory) + "]";
  }
}
