/** The seven pilot industrial complexes of the cluster programme (DOMAIN.md): suppliers' home clusters and the tours' destinations. */
export const pilotClusters = ['changwon', 'gumi', 'ulsan', 'banwol-sihwa', 'gwangju', 'wonju', 'gunsan'] as const;
export type PilotCluster = (typeof pilotClusters)[number];
