/** The grid model. */
package org.gridgov.core;
