package org.ducha.petitions;

/**
 * The six conditions (六个不放过) that must hold, or be waived by the office with a written
 * reason, before a case is closed: the problem is clear, the rectification is in place,
 * responsibility is fixed, the public is satisfied, accountability is done, the
 * information is public.
 */
public enum ClosureCondition {

	PROBLEM_CLEAR, RECTIFIED, RESPONSIBILITY_FIXED, PUBLIC_SATISFIED, ACCOUNTABILITY_DONE, INFORMATION_PUBLIC

}
