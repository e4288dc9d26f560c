/** GridGov scoring API. */
package org.gridgov.scoring;
