package io.gridsteward.domain.resource;

import static io.gridsteward.domain.resource.ResourceFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static final EvidenceKey PHOTO = new EvidenceKey("resources/projects/claim-wish/photo-1.jpg");
    private static final EvidenceKey OTHER_PHOTO = new EvidenceKey("resources/projects/claim-wish/photo-2.jpg");

    private static Claim wishClaimedByThreeMembers() {
        return verifiedWish()
                .claim(
                        new ClaimId("claim-wish"),
                        1,
                        reach(MEMBER_ONE),
                        Optional.empty(),
                        List.of(MEMBER_TWO.userId(), MEMBER_THREE.userId()),
                        NOW)
                .state();
    }

    private static Project startedProject() {
        return wishClaimedByThreeMembers()
                .accept(plan(), RIVER_SECRETARY, NOW)
                .project()
                .state();
    }

    @Test
    void theDemandsCommunityAcceptsAClaimWhichBecomesAProject() {
        Claim.Accepted accepted = wishClaimedByThreeMembers().accept(plan(), RIVER_SECRETARY, NOW);

        assertThat(accepted.claim().state().status()).isEqualTo(ClaimStatus.ACCEPTED);
        assertThat(accepted.claim().event().type()).isEqualTo(ResourceEventType.CLAIM_ACCEPTED);
        Project project = accepted.project().state();
        assertThat(project.id()).isEqualTo(new ProjectId("claim-wish"));
        assertThat(project.ownerId()).isEqualTo(MEMBER_ONE.userId());
        assertThat(project.memberIds()).containsExactly("member-1", "member-2", "member-3");
        assertThat(project.milestones()).hasSize(2);
        assertThat(project.dueAt())
                .isEqualTo(NOW.plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(project.servedResidentIds()).containsExactly(WISHING_RESIDENT.userId());
        assertThat(accepted.project().event().type()).isEqualTo(ResourceEventType.PROJECT_STARTED);
        assertThat(accepted.project().event().claim().orElseThrow().claimedAt())
                .isEqualTo(project.claim().claimedAt());
    }

    @Test
    void onlyTheItemsSideDecidesAndOnlyOnce() {
        Claim claim = wishClaimedByThreeMembers();
        assertThatThrownBy(() -> claim.accept(plan(), LAKE_SECRETARY, NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> claim.accept(plan(), MEMBER_ONE, NOW)).isInstanceOf(ForbiddenException.class);
        Claim declined =
                claim.decline(new Reason("already met"), RIVER_SECRETARY, NOW).state();
        assertThat(declined.status()).isEqualTo(ClaimStatus.DECLINED);
        assertThatThrownBy(() -> declined.accept(plan(), RIVER_SECRETARY, NOW))
                .isInstanceOf(IllegalTransitionException.class);

        Claim chairs = schoolChairs()
                .claim(new ClaimId("c"), 2, reach(RIVER_SECRETARY), NOW)
                .state();
        assertThatThrownBy(() -> chairs.accept(plan(), RIVER_SECRETARY, NOW)).isInstanceOf(ForbiddenException.class);
        assertThat(chairs.accept(plan(), SCHOOL_OFFICER, NOW).project().state().ownerId())
                .isEqualTo(RIVER_SECRETARY.userId());
    }

    @Test
    void aPlanIsDueInTheFutureAndItsMilestonesBeforeIt() {
        Claim claim = wishClaimedByThreeMembers();
        ProjectPlan late = new ProjectPlan(new Title("t"), List.of(), NOW.minusSeconds(1), Optional.empty());
        assertThatThrownBy(() -> claim.accept(late, RIVER_SECRETARY, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("dueAt"));
        assertThatThrownBy(() -> new ProjectPlan(
                        new Title("t"),
                        List.of(Milestone.planned(new Title("m"), NOW.plus(Duration.ofDays(9)))),
                        NOW.plus(Duration.ofDays(7)),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("milestones[0].dueAt"));
    }

    @Test
    void anyMemberOfTheJointClaimRunsTheProjectAndOthersCannot() {
        Project project = startedProject();
        Project done = project.completeMilestone(0, Optional.empty(), MEMBER_THREE, NOW)
                .state();
        assertThat(done.milestones().get(0).doneAt()).isPresent();
        assertThatThrownBy(() -> done.completeMilestone(0, Optional.empty(), MEMBER_ONE, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> project.completeMilestone(0, Optional.empty(), HILL_MEMBER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> project.completeMilestone(5, Optional.empty(), MEMBER_ONE, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("index"));
    }

    @Test
    void onlyIssuedAndUploadedPhotosCountAsEvidence() {
        Project project = startedProject().issueEvidence(PHOTO, MEMBER_ONE, NOW).state();
        assertThat(project.issuedEvidence()).containsExactly(PHOTO);

        assertThatThrownBy(() -> project.complete(
                        new Reason("done"), List.of(OTHER_PHOTO), Set.of(OTHER_PHOTO), List.of(), MEMBER_ONE, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("photoKeys[0]"));
        assertThatThrownBy(() ->
                        project.complete(new Reason("done"), List.of(PHOTO), Set.of(), List.of(), MEMBER_ONE, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.errors().getFirst().message())
                                .contains("uploaded"));
        assertThatThrownBy(() -> project.complete(new Reason("done"), List.of(), Set.of(), List.of(), MEMBER_ONE, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("photoKeys"));

        Change<Project> completed = project.complete(
                new Reason("lamp installed"),
                List.of(PHOTO),
                Set.of(PHOTO),
                List.of(NEIGHBOUR.userId()),
                MEMBER_ONE,
                NOW.plus(Duration.ofDays(3)));
        assertThat(completed.state().status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(completed.state().servedResidentIds())
                .containsExactly(WISHING_RESIDENT.userId(), NEIGHBOUR.userId());
        assertThat(completed.event().type()).isEqualTo(ResourceEventType.PROJECT_COMPLETED);
        assertThatThrownBy(() -> completed.state().issueEvidence(OTHER_PHOTO, MEMBER_ONE, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void residentsItServedRateItOnceEach() {
        Project project = startedProject().issueEvidence(PHOTO, MEMBER_ONE, NOW).state();
        assertThatThrownBy(() -> project.rate(5, Optional.empty(), WISHING_RESIDENT, NOW))
                .as("not yet completed")
                .isInstanceOf(IllegalTransitionException.class);
        Project completed = project.complete(
                        new Reason("done"), List.of(PHOTO), Set.of(PHOTO), List.of(), MEMBER_ONE, NOW)
                .state();

        Change<Project> rated = completed.rate(4, Optional.of(new Reason("bright lamp")), WISHING_RESIDENT, NOW);
        assertThat(rated.event().rating()).hasValue(4);
        assertThat(rated.state().meanRating()).contains(4.0);
        assertThatThrownBy(() -> rated.state().rate(5, Optional.empty(), WISHING_RESIDENT, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> completed.rate(5, Optional.empty(), NEIGHBOUR, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> completed.rate(6, Optional.empty(), WISHING_RESIDENT, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("rating"));
        assertThatThrownBy(() -> completed.rate(0, Optional.empty(), WISHING_RESIDENT, NOW))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theCommunityFollowsUpAfterCompletion() {
        Project project = startedProject().issueEvidence(PHOTO, MEMBER_ONE, NOW).state();
        assertThatThrownBy(
                        () -> project.followUp(FollowUpOutcome.CONFIRMED, new Reason("visited"), RIVER_SECRETARY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        Project completed = project.complete(
                        new Reason("done"), List.of(PHOTO), Set.of(PHOTO), List.of(), MEMBER_ONE, NOW)
                .state();
        Change<Project> visited =
                completed.followUp(FollowUpOutcome.TOKEN, new Reason("lamp never switched on"), RIVER_SECRETARY, NOW);
        assertThat(visited.state().followUps()).isEqualTo(1);
        assertThat(visited.event().followUp()).contains(FollowUpOutcome.TOKEN);
        assertThat(visited.event().reason()).contains("lamp never switched on");
        assertThatThrownBy(() -> completed.followUp(FollowUpOutcome.CONFIRMED, new Reason("v"), LAKE_SECRETARY, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aProjectNamesItsFundingAsAnOpaqueReference() {
        Project project = startedProject();
        FundReference task = new FundReference(FundReference.Kind.DELEGATED_TASK, "task-2026-17");
        Change<Project> linked = project.linkFunding(task, RIVER_SECRETARY, NOW);
        assertThat(linked.state().funding()).contains(task);
        assertThat(linked.event().funding()).contains(task);
        assertThatThrownBy(() -> project.linkFunding(task, LAKE_SECRETARY, NOW)).isInstanceOf(ForbiddenException.class);
        ProjectPlan funded =
                new ProjectPlan(new Title("t"), List.of(), NOW.plus(Duration.ofDays(1)), Optional.of(task));
        Change<Project> started =
                wishClaimedByThreeMembers().accept(funded, RIVER_SECRETARY, NOW).project();
        assertThat(started.state().funding()).contains(task);
        assertThat(started.event().funding()).contains(task);
    }

    @Test
    void whoSeesAProject() {
        Project project = startedProject();
        assertThat(ResourceAccess.maySeeProject(reach(MEMBER_TWO), project)).isTrue();
        assertThat(ResourceAccess.maySeeProject(reach(RIVER_WORKER), project)).isTrue();
        assertThat(ResourceAccess.maySeeProject(reach(COUNTY_LEADER), project)).isTrue();
        assertThat(ResourceAccess.maySeeProject(reach(WISHING_RESIDENT), project))
                .isTrue();
        assertThat(ResourceAccess.maySeeProject(reach(NEIGHBOUR), project)).isFalse();
        assertThat(ResourceAccess.maySeeProject(reach(LAKE_SECRETARY), project)).isFalse();
    }
}
