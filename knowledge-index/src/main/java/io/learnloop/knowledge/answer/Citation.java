package io.learnloop.knowledge.answer;

/**
 * A numbered source of an answer: [1] is the first citation.
 *
 * @param source path relative to the docs root
 * @param section heading path of the cited passage
 * @param score the document's retrieval score
 */
public record Citation(String source, String title, String section, String url, double score) {}
