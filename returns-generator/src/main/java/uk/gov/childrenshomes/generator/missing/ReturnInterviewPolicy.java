package uk.gov.childrenshomes.generator.missing;

import uk.gov.childrenshomes.generator.Draw;

import java.util.SplittableRandom;

/**
 * How one LA handles return interviews: about a quarter of LAs never offer one to children missing from home (the
 * pre-2014 picture the guidance set out to change); offer rates otherwise vary by LA; ~63% of completed interviews
 * are within 72 hours on average, and no LA manages all of them.
 *
 * @param offersToHomeChildren  whether the LA offers interviews to children missing from home at all
 * @param careOfferRate         share of care incidents (after return) offered an interview
 * @param homeOfferRate         share of home incidents offered one
 * @param acceptRate            share of offers accepted
 * @param completeRate          share of accepted interviews that take place
 * @param within72HoursRate     share of completed interviews held within 72 hours of return
 * @param mainProvider          who usually holds them (IND, LAT or SWK)
 */
public record ReturnInterviewPolicy(boolean offersToHomeChildren, double careOfferRate, double homeOfferRate,
                                    double acceptRate, double completeRate, double within72HoursRate,
                                    String mainProvider) {

    public static ReturnInterviewPolicy draw(SplittableRandom random) {
        boolean offersHome = !Draw.chance(random, 0.25);
        return new ReturnInterviewPolicy(offersHome, 0.55 + 0.35 * random.nextDouble(),
                offersHome ? 0.4 + 0.35 * random.nextDouble() : 0, 0.5 + 0.25 * random.nextDouble(), 0.9,
                0.47 + 0.36 * random.nextDouble(),
                Draw.code(random, new String[] {"IND", "LAT", "SWK"}, new double[] {55, 35, 10}));
    }
}
