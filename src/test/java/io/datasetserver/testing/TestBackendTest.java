package io.datasetserver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestBackendTest {
  @Test
  void theDatabaseOfAnExternalUriIsReplacedAndItsOptionsKept() {
    assertThat(TestBackend.withDatabase("mongodb://db1,db2:27018", "t1"))
        .isEqualTo("mongodb://db1,db2:27018/t1");
    assertThat(TestBackend.withDatabase("mongodb://db1/", "t1")).isEqualTo("mongodb://db1/t1");
    assertThat(TestBackend.withDatabase("mongodb://db1/prod?replicaSet=rs0", "t1"))
        .isEqualTo("mongodb://db1/t1?replicaSet=rs0");
    assertThat(
            TestBackend.withDatabase("mongodb+srv://cluster.example.net/?retryWrites=true", "t1"))
        .isEqualTo("mongodb+srv://cluster.example.net/t1?retryWrites=true");
  }

  @Test
  void credentialsKeepAuthenticatingAgainstTheOriginalDatabase() {
    assertThat(TestBackend.withDatabase("mongodb://ada:secret@db1/team?replicaSet=rs0", "t1"))
        .isEqualTo("mongodb://ada:secret@db1/t1?replicaSet=rs0&authSource=team");
    assertThat(TestBackend.withDatabase("mongodb://ada:secret@db1", "t1"))
        .isEqualTo("mongodb://ada:secret@db1/t1?authSource=admin");
    assertThat(TestBackend.withDatabase("mongodb://ada:secret@db1/?authSource=users", "t1"))
        .isEqualTo("mongodb://ada:secret@db1/t1?authSource=users");
  }
}
