/** GridGov rules API. */
package org.gridgov.rules;
