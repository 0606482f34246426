package io.learnloop.bench;

/** Printed when the bench jar is run without naming a benchmark. */
public final class BenchmarkList {

  private BenchmarkList() {}

  public static void main(String[] args) {
    System.out.println("Run one benchmark: ./bench/run.sh <ClassName> [args]; see bench/README.md");
  }
}
