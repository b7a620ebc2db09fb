import { Controller, Get, Query } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hexOf, type MerkleLog } from '@mkt/audit/core';
import { Public } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { invalid } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { CheckpointRepository } from '../../../infrastructure/checkpoint.repository';
import { INCLUSION_PROOF, CONSISTENCY_PROOF } from '../../http-responses';
import { LogTree } from '../../log-tree';
import { ConsistencyProofRequestDto } from './consistency-proof.request.dto';
import { InclusionProofRequestDto } from './inclusion-proof.request.dto';

/**
 * RFC 9162 proofs, for anyone, with hashes in lower-case hex. Only sizes up to the latest checkpoint are
 * answered: a proof is worth something against a signed root, and the client checks the root it is given
 * against its checkpoint (`verifyInclusion`, `verifyConsistency` in `@mkt/audit/core`).
 */
@Controller('api/audit/proofs')
export class GetProofsHttpController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tree: LogTree,
  ) {}

  @Get('inclusion')
  @Public()
  @Responds(INCLUSION_PROOF)
  inclusion(@Query() { index, size }: InclusionProofRequestDto) {
    return this.unitOfWork.run(async (tx) => {
      const tree = await this.signedTree(tx.manager, size, 'size');
      if (index >= size) throw invalid('AUDIT.LEAF_INDEX_OUT_OF_RANGE', `index must be below the tree size ${size}`, 'index');
      return {
        index,
        treeSize: size,
        leafHash: hexOf(tree.leafHash(index)),
        rootHash: hexOf(tree.rootAt(size)),
        proof: tree.inclusionProof(index, size).map(hexOf),
      };
    });
  }

  @Get('consistency')
  @Public()
  @Responds(CONSISTENCY_PROOF)
  consistency(@Query() { from, to }: ConsistencyProofRequestDto) {
    return this.unitOfWork.run(async (tx) => {
      const tree = await this.signedTree(tx.manager, to, 'to');
      if (from > to) throw invalid('AUDIT.TREE_SIZE_OUT_OF_RANGE', `from must be at most to (${to})`, 'from');
      return {
        fromSize: from,
        toSize: to,
        fromRoot: hexOf(tree.rootAt(from)),
        toRoot: hexOf(tree.rootAt(to)),
        proof: tree.consistencyProof(from, to).map(hexOf),
      };
    });
  }

  private async signedTree(manager: EntityManager, size: number, field: string): Promise<MerkleLog> {
    const signed = (await new CheckpointRepository(manager).latest())?.size ?? 0;
    if (size > signed) throw invalid('AUDIT.TREE_SIZE_OUT_OF_RANGE', `${field} must be at most ${signed}, the size of the latest checkpoint`, field);
    return this.tree.covering(size, manager);
  }
}
