package org.gridgov.core;

/** A small city used by several tests: 1 city, 2 districts, 3 streets, 4 communities, 1 mall. */
final class Fixtures {
  private Fixtures() {}

  static GridHierarchy smallCity() {
    return GridHierarchy.builder()
        .add(Grid.territorial("zz", GridLevel.CITY).name("Zhengzhou").build())
        .add(Grid.territorial("erqi", GridLevel.DISTRICT).parent("zz").build())
        .add(Grid.territorial("jinshui", GridLevel.DISTRICT).parent("zz").build())
        .add(Grid.territorial("s1", GridLevel.STREET).parent("erqi").build())
        .add(Grid.territorial("s2", GridLevel.STREET).parent("erqi").build())
        .add(Grid.territorial("s3", GridLevel.STREET).parent("jinshui").build())
        .add(Grid.territorial("c1", GridLevel.COMMUNITY).parent("s1").households(420).build())
        .add(Grid.territorial("c2", GridLevel.COMMUNITY).parent("s1").build())
        .add(Grid.territorial("c3", GridLevel.COMMUNITY).parent("s2").build())
        .add(Grid.territorial("c4", GridLevel.COMMUNITY).parent("s3").build())
        .add(
            Grid.exclusive(GridId.of("mall"), GridLevel.COMPOUND, GridId.of("s1"))
                .coverage(java.util.List.of(GridId.of("c1"), GridId.of("c2")))
                .build())
        .build();
  }
}
