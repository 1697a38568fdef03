package uk.gov.childrenshomes.jobs; public class DatapackJobsApplication { public static void main(String[] a){} }
