package io.learnloop.knowledge.search;

import io.learnloop.knowledge.index.ChunkFields;
import io.learnloop.knowledge.index.KnowledgeIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Hybrid retrieval over a {@link KnowledgeIndex}: BM25 over the text fields and HNSW kNN over the
 * embeddings, fused per passage, then grouped by document.
 */
public final class HybridSearcher {

  /** Candidates taken from each list before fusion. */
  static final int CANDIDATES = 100;

  private static final int MAX_TERMS_PER_FIELD = 64;

  /**
   * A document's score is its best passage's plus this share of its second best: a page with two
   * passages on the question is likelier the answer than one with a single lucky passage.
   */
  static final double SECOND_PASSAGE_WEIGHT = 0.2;

  private static final float EXPANSION_WEIGHT = 0.4f;

  private final KnowledgeIndex index;
  private final QueryTranslator translator;
  private final Fusion fusion;

  public HybridSearcher(KnowledgeIndex index, QueryTranslator translator, Fusion fusion) {
    this.index = index;
    this.translator = translator;
    this.fusion = fusion;
  }

  public PreparedQuery prepare(String question) {
    return translator.prepare(question);
  }

  /**
   * Documents for {@code question} that {@code scope} may read, best first, at most {@code limit}.
   */
  public SearchResult search(String question, AccessScope scope, RetrievalMode mode, int limit) {
    return search(prepare(question), scope, mode, limit);
  }

  public SearchResult search(
      PreparedQuery query, AccessScope scope, RetrievalMode mode, int limit) {
    return index.withSearcher(
        searcher -> {
          Query visible = visibleTo(scope);
          Map<Integer, Double> keyword =
              mode == RetrievalMode.VECTOR ? Map.of() : keywordScores(searcher, query, visible);
          Map<Integer, Double> vector =
              mode == RetrievalMode.BM25 ? Map.of() : vectorScores(searcher, query, visible);
          Map<Integer, Double> fused = fuse(keyword, vector);
          Map<Integer, String> sources = sourcesOf(searcher, fused.keySet());
          List<DocumentHit> documents = group(searcher, fused, keyword, vector, sources, limit);
          Evidence evidence =
              Evidence.of(
                  query,
                  documents,
                  topSource(keyword, sources),
                  topSource(vector, sources),
                  (field, term) -> rarity(searcher, field, term));
          return new SearchResult(query, documents, evidence);
        });
  }

  /**
   * Every passage of one document that {@code scope} may read, in no particular order, scored 0:
   * the answer may be in a section the query's words did not reach.
   */
  public List<ChunkHit> passagesOf(String source, AccessScope scope) {
    return index.withSearcher(
        searcher -> {
          Query query =
              new BooleanQuery.Builder()
                  .add(
                      new TermQuery(new Term(ChunkFields.SOURCE, source)), BooleanClause.Occur.MUST)
                  .add(visibleTo(scope), BooleanClause.Occur.FILTER)
                  .build();
          StoredFields stored = searcher.storedFields();
          List<ChunkHit> passages = new ArrayList<>();
          for (ScoreDoc hit : searcher.search(query, MAX_PASSAGES_READ).scoreDocs) {
            Document doc = stored.document(hit.doc);
            if (doc.get(ChunkFields.ID) != null) {
              passages.add(chunkHit(doc, source, 0, 0, 0));
            }
          }
          return passages;
        });
  }

  /** A document with more passages than this is read only this far for an answer. */
  static final int MAX_PASSAGES_READ = 500;

  private static ChunkHit chunkHit(
      Document doc, String source, double score, double keywordScore, double vectorScore) {
    return new ChunkHit(
        doc.get(ChunkFields.ID),
        source,
        doc.get(ChunkFields.TITLE),
        doc.get(ChunkFields.SECTION),
        doc.get(ChunkFields.ANCHOR),
        doc.get(ChunkFields.URL),
        doc.get(ChunkFields.TEXT),
        score,
        keywordScore,
        vectorScore,
        overviewFlag(doc),
        doc.get(ChunkFields.LANGUAGE));
  }

  /**
   * Inverse document frequency of a term of one of the index's analysed fields, as a share of the
   * largest possible (0 to 1).
   */
  public double rarity(String field, String term) {
    return index.withSearcher(searcher -> rarity(searcher, field, term));
  }

  /** Inverse document frequency of an English term, as a share of the largest possible. */
  private static double rarity(IndexSearcher searcher, String field, String term) {
    try {
      int documents = Math.max(1, searcher.getIndexReader().numDocs());
      int frequency = searcher.getIndexReader().docFreq(new Term(field, term));
      return Math.log(1 + (double) documents / (1 + frequency)) / Math.log(1 + documents);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The document of a ranking's first passage; every fused candidate's source is known. */
  private static String topSource(Map<Integer, Double> ranking, Map<Integer, String> sources) {
    return ranking.isEmpty() ? null : sources.get(ranking.keySet().iterator().next());
  }

  private Map<Integer, Double> keywordScores(
      IndexSearcher searcher, PreparedQuery query, Query visible) throws IOException {
    BooleanQuery.Builder terms = new BooleanQuery.Builder();
    for (var field : ChunkFields.SEARCH_WEIGHTS.entrySet()) {
      boolean indonesianField = ChunkFields.isIndonesianField(field.getKey());
      if (indonesianField && !query.indonesian()) {
        // Not the English words themselves: the Indonesian analyzer keeps English function words,
        // which would match every passage.
        addTerms(
            terms,
            field.getKey(),
            String.join(" ", query.indonesianExpansions()),
            field.getValue() * EXPANSION_WEIGHT);
        continue;
      }
      String text = indonesianField || !query.indonesian() ? query.original() : query.english();
      addTerms(terms, field.getKey(), text, field.getValue());
      if (!indonesianField && !query.expansions().isEmpty()) {
        addTerms(
            terms,
            field.getKey(),
            String.join(" ", query.expansions()),
            field.getValue() * EXPANSION_WEIGHT);
      }
    }
    BooleanQuery keywordQuery = terms.build();
    if (keywordQuery.clauses().isEmpty()) {
      return Map.of();
    }
    Query filtered =
        new BooleanQuery.Builder()
            .add(keywordQuery, BooleanClause.Occur.MUST)
            .add(visible, BooleanClause.Occur.FILTER)
            .build();
    return ranked(searcher.search(filtered, CANDIDATES).scoreDocs, false);
  }

  private static void addTerms(
      BooleanQuery.Builder query, String field, String text, float weight) {
    ChunkFields.terms(field, text).stream()
        .limit(MAX_TERMS_PER_FIELD)
        .forEach(
            term ->
                query.add(
                    new BoostQuery(new TermQuery(new Term(field, term)), weight),
                    BooleanClause.Occur.SHOULD));
  }

  private Map<Integer, Double> vectorScores(
      IndexSearcher searcher, PreparedQuery query, Query visible) throws IOException {
    float[] vector = index.embedder().embed(query.english());
    ScoreDoc[] hits =
        searcher.search(
                new KnnFloatVectorQuery(ChunkFields.VECTOR, vector, CANDIDATES, visible),
                CANDIDATES)
            .scoreDocs;
    return ranked(hits, true);
  }

  /** Lucene's cosine score is (1 + cos) / 2; turned back into the cosine. */
  private static Map<Integer, Double> ranked(ScoreDoc[] hits, boolean cosine) {
    Map<Integer, Double> scores = new LinkedHashMap<>();
    for (ScoreDoc hit : hits) {
      scores.put(hit.doc, cosine ? 2.0 * hit.score - 1.0 : hit.score);
    }
    return scores;
  }

  private Map<Integer, Double> fuse(Map<Integer, Double> keyword, Map<Integer, Double> vector) {
    double keywordWeight = fusion.keywordWeight();
    Map<Integer, Double> fused = new HashMap<>();
    if (keyword.isEmpty() || vector.isEmpty()) {
      fused.putAll(keyword.isEmpty() ? vector : keyword);
      return fused;
    }
    if (fusion.method() == Fusion.Method.RRF) {
      addReciprocalRanks(fused, keyword);
      addReciprocalRanks(fused, vector);
      return fused;
    }
    addNormalised(fused, keyword, keywordWeight);
    addNormalised(fused, vector, 1 - keywordWeight);
    return fused;
  }

  private static void addReciprocalRanks(Map<Integer, Double> fused, Map<Integer, Double> ranking) {
    int rank = 1;
    for (Integer doc : ranking.keySet()) {
      fused.merge(doc, 1.0 / (Fusion.RRF_K + rank++), Double::sum);
    }
  }

  private static void addNormalised(
      Map<Integer, Double> fused, Map<Integer, Double> scores, double weight) {
    double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double range = max - min;
    for (var entry : scores.entrySet()) {
      double normalised = range == 0 ? 1 : (entry.getValue() - min) / range;
      fused.merge(entry.getKey(), weight * normalised, Double::sum);
    }
  }

  /** A document keeps at most this many of its matching passages. */
  static final int MAX_PASSAGES_PER_DOCUMENT = 3;

  /**
   * Groups passages by document without loading stored fields (document ids come from doc values),
   * then loads only the passages of the documents returned: loading every candidate's stored fields
   * dominated query time on large indexes.
   */
  private static List<DocumentHit> group(
      IndexSearcher searcher,
      Map<Integer, Double> fused,
      Map<Integer, Double> keyword,
      Map<Integer, Double> vector,
      Map<Integer, String> sources,
      int limit)
      throws IOException {
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(fused.entrySet());
    ranked.sort(
        Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, List<Map.Entry<Integer, Double>>> bySource = new LinkedHashMap<>();
    for (var entry : ranked) {
      bySource.computeIfAbsent(sources.get(entry.getKey()), s -> new ArrayList<>()).add(entry);
    }
    record Scored(String source, double score, List<Map.Entry<Integer, Double>> passages) {}
    List<Scored> scored = new ArrayList<>();
    bySource.forEach(
        (source, passages) ->
            scored.add(
                new Scored(
                    source,
                    passages.get(0).getValue()
                        + (passages.size() > 1
                            ? SECOND_PASSAGE_WEIGHT * passages.get(1).getValue()
                            : 0),
                    passages)));
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    StoredFields stored = searcher.storedFields();
    List<DocumentHit> documents = new ArrayList<>();
    for (Scored document : scored.subList(0, Math.min(limit, scored.size()))) {
      List<ChunkHit> passages = new ArrayList<>();
      for (var passage :
          document
              .passages()
              .subList(0, Math.min(MAX_PASSAGES_PER_DOCUMENT, document.passages().size()))) {
        Document doc = stored.document(passage.getKey());
        passages.add(
            chunkHit(
                doc,
                document.source(),
                passage.getValue(),
                keyword.getOrDefault(passage.getKey(), 0.0),
                vector.getOrDefault(passage.getKey(), 0.0)));
      }
      documents.add(
          new DocumentHit(document.source(), passages.get(0).title(), document.score(), passages));
    }
    return documents;
  }

  /** Each document id's source, read from doc values in one forward pass per segment. */
  private static Map<Integer, String> sourcesOf(IndexSearcher searcher, Set<Integer> ids)
      throws IOException {
    List<Integer> sorted = new ArrayList<>(ids);
    sorted.sort(Comparator.naturalOrder());
    Map<Integer, String> sources = new HashMap<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int next = 0;
    for (LeafReaderContext leaf : leaves) {
      SortedDocValues values = DocValues.getSorted(leaf.reader(), ChunkFields.SOURCE_KEY);
      int end = leaf.docBase + leaf.reader().maxDoc();
      while (next < sorted.size() && sorted.get(next) < end) {
        int id = sorted.get(next++);
        if (values.advanceExact(id - leaf.docBase)) {
          sources.put(id, values.lookupOrd(values.ordValue()).utf8ToString());
        }
      }
    }
    return sources;
  }

  private static boolean overviewFlag(Document doc) {
    var field = doc.getField(ChunkFields.OVERVIEW);
    return field != null && field.numericValue().intValue() == 1;
  }

  private static Query visibleTo(AccessScope scope) {
    if (scope.unrestricted()) {
      return new MatchAllDocsQuery();
    }
    List<BytesRef> groups = new ArrayList<>();
    groups.add(new BytesRef(ChunkFields.PUBLIC_GROUP));
    scope.groups().forEach(group -> groups.add(new BytesRef(group)));
    return new TermInSetQuery(ChunkFields.GROUP, groups);
  }
}
