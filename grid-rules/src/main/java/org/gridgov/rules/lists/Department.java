package org.gridgov.rules.lists;

import java.util.Objects;
import org.gridgov.core.GridLevel;

/**
 * A department or agency named by the lists: a functional department (职能部门) that holds powers and
 * pushes matters down, a street office, or the grid agency (网格化服务管理中心) that approves access
 * entries.
 *
 * @param id short stable id used by the other entries, such as {@code CG} for urban management
 * @param name full name, such as 桐城市城市管理局
 * @param level the level the department belongs to, such as {@link GridLevel#CITY}
 * @param jointDuty whether it takes part in joint duty (大联勤): Tongcheng puts 22 departments into
 *     it, and the city grid centre dispatches cases to them (docs/domain.md §4)
 */
public record Department(String id, String name, GridLevel level, boolean jointDuty) {
  /**
   * Validates the department.
   *
   * @param id the id
   * @param name the name
   * @param level the level
   * @param jointDuty whether it takes part in joint duty
   */
  public Department {
    id = Texts.requireCode(id, "department id");
    name = Texts.requireText(name, "department name");
    Objects.requireNonNull(level, "level");
  }
}
