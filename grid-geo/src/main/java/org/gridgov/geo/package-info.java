/** GridGov geo API. */
package org.gridgov.geo;
