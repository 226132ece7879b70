package io.gridsteward.domain.party;

/** Points per attended activity of a kind, and at most {@code yearlyCap} of them a year. */
public record PointsRule(int pointsPerActivity, int yearlyCap) {

    public PointsRule {
        if (pointsPerActivity < 0 || yearlyCap < 0) {
            throw new IllegalArgumentException("points and caps are not negative");
        }
    }

    public int pointsFor(long activities) {
        return (int) Math.min(yearlyCap, activities * (long) pointsPerActivity);
    }
}
