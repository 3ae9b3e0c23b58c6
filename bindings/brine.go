// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// JobMarketJob is an auto generated low-level Go binding around an user-defined struct.
type JobMarketJob struct {
	Client          common.Address
	Payment         *big.Int
	Provider        common.Address
	Collateral      *big.Int
	SpecHash        [32]byte
	Result          [32]byte
	AcceptBy        uint64
	ResultBy        uint64
	CommittedAt     uint64
	ChallengeWindow uint32
	ParamsId        uint32
	FeeBps          uint16
	Replicas        uint8
	Winners         uint8
	Status          uint8
}

// JobMarketJobRequest is an auto generated low-level Go binding around an user-defined struct.
type JobMarketJobRequest struct {
	SpecHash        [32]byte
	Payment         *big.Int
	Collateral      *big.Int
	Replicas        uint8
	AcceptBy        uint64
	ResultBy        uint64
	ChallengeWindow uint32
}

// JobMarketMember is an auto generated low-level Go binding around an user-defined struct.
type JobMarketMember struct {
	Account    common.Address
	Commitment [32]byte
	Result     [32]byte
}

// JobMarketPanel is an auto generated low-level Go binding around an user-defined struct.
type JobMarketPanel struct {
	Target    uint8
	Size      uint8
	Committed uint8
	Revealed  uint8
	Closed    bool
	CommitBy  uint64
	RevealBy  uint64
}

// JobMarketParams is an auto generated low-level Go binding around an user-defined struct.
type JobMarketParams struct {
	MinCollateral       *big.Int
	FeeBps              uint16
	ChallengerRewardBps uint16
	VerifierRewardBps   uint16
	Verifiers           uint8
	MinChallengeWindow  uint32
	VoteCommitWindow    uint32
	VoteRevealWindow    uint32
	ReplicaRevealWindow uint32
	ChallengeBond       *big.Int
	VerifierCollateral  *big.Int
	MinCollateralBps    uint32
}

// JobMarketPermit is an auto generated low-level Go binding around an user-defined struct.
type JobMarketPermit struct {
	Deadline *big.Int
	V        uint8
	R        [32]byte
	S        [32]byte
}

// UptimeRewardsClaim is an auto generated low-level Go binding around an user-defined struct.
type UptimeRewardsClaim struct {
	Epoch    uint64
	Reporter common.Address
	Amount   *big.Int
	Proof    [][32]byte
}

// BrineTokenMetaData contains all meta data concerning the BrineToken contract.
var BrineTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name_\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"symbol_\",\"type\":\"string\"},{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ERC2612ExpiredSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC2612InvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "207d68eafe25423bca1cd5cef508433c61",
	Bin: "0x610160806040523461049957611283803803809161001d828561049d565b833981016060828203126104995781516001600160401b03811161049957816100479184016104c0565b60208301519091906001600160401b0381116104995760409161006b9185016104c0565b9201516001600160a01b038116919082900361049957604092835191610091858461049d565b60018352603160f81b6020840190815281519092906001600160401b03811161039e57600354600181811c9116801561048f575b602082101461038057601f8111610421575b50806020601f82116001146103bd575f916103b2575b508160011b915f199060031b1c1916176003555b8051906001600160401b03821161039e5760045490600182811c92168015610394575b60208310146103805781601f84931161030a575b50602090601f83116001146102a4575f92610299575b50508160011b915f199060031b1c1916176004555b61016c81610515565b6101205261017983610515565b6101405260208151910120918260e05251902080610100524660a05283519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f84528583015260608201524660808201523060a082015260a081526101e460c08261049d565b5190206080523060c052801561028657600880546001600160a01b0319811683179091559151916001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e05f80a3610d029081610581823960805181610a49015260a05181610b06015260c05181610a13015260e05181610a9801526101005181610abe015261012051816104730152610140518161049c0152f35b631e4fbdf760e01b5f525f60045260245ffd5b015190505f8061014e565b60045f9081528281209350601f198516905b8181106102f257509084600195949392106102da575b505050811b01600455610163565b01515f1960f88460031b161c191690555f80806102cc565b929360206001819287860151815501950193016102b6565b828111156101385760045f52909150601f830160051c7f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b60208510610378575b849392601f0160051c82900391015f5b828110610368575050610138565b5f8183015585945060010161035a565b5f915061034a565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610124565b634e487b7160e01b5f52604160045260245ffd5b90508301515f6100ed565b60035f9081528181209250601f198416905b818110610409575090836001949392106103f1575b5050811b01600355610101565b8501515f1960f88460031b161c191690555f806103e4565b9192602060018192868a0151815501940192016103cf565b818111156100d75760035f52601f820160051c7fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b60208410610487575b81601f9101920160051c03905f5b82811061047a5750506100d7565b5f8282015560010161046c565b5f915061045e565b90607f16906100c5565b5f80fd5b601f909101601f19168101906001600160401b0382119082101761039e57604052565b81601f82011215610499578051906001600160401b03821161039e57604051926104f4601f8401601f19166020018561049d565b8284526020838301011161049957815f9260208093018386015e8301015290565b601f815111610540576020815191015160208210610531571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe6080806040526004361015610012575f80fd5b5f3560e01c90816306fdde031461082857508063095ea7b31461080257806318160ddd146107e557806323b872dd14610706578063313ce567146106eb5780633644e515146106c957806340c10f191461061d57806370a08231146105e6578063715018a61461058b5780637ecebe001461055357806384b0196e1461045b5780638da5cb5b1461043357806395d89b4114610327578063a9059cbb146102f6578063d505accf146101b1578063dd62ed3e146101615763f2fde38b146100d7575f80fd5b3461015d57602036600319011261015d576100f0610904565b6100f8610b2c565b6001600160a01b0316801561014a57600880546001600160a01b0319811683179091556001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e05f80a3005b631e4fbdf760e01b5f525f60045260245ffd5b5f80fd5b3461015d57604036600319011261015d5761017a610904565b61018261091a565b6001600160a01b039182165f908152600160209081526040808320949093168252928352819020549051908152f35b3461015d5760e036600319011261015d576101ca610904565b6101d261091a565b604435906064359260843560ff8116810361015d578442116102e3576102a66102af9160018060a01b03841696875f52600760205260405f20908154916001830190556040519060208201927f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c984528a604084015260018060a01b038916606084015289608084015260a083015260c082015260c0815261027460e082610930565b51902061027f610a10565b906040519161190160f01b83526002830152602282015260c43591604260a4359220610bf4565b90929192610c81565b6001600160a01b03168481036102cc57506102ca9350610b53565b005b84906325c0072360e11b5f5260045260245260445ffd5b8463313c898160e11b5f5260045260245ffd5b3461015d57604036600319011261015d5761031c610312610904565b6024359033610966565b602060405160018152f35b3461015d575f36600319011261015d576040515f6004548060011c90600181168015610429575b602083108114610415578285529081156103f15750600114610393575b61038f8361037b81850382610930565b6040519182916020835260208301906108e0565b0390f35b91905060045f527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b915f905b8082106103d75750909150810160200161037b61036b565b9192600181602092548385880101520191019092916103bf565b60ff191660208086019190915291151560051b8401909101915061037b905061036b565b634e487b7160e01b5f52602260045260245ffd5b91607f169161034e565b3461015d575f36600319011261015d576008546040516001600160a01b039091168152602090f35b3461015d575f36600319011261015d576104f76104977f0000000000000000000000000000000000000000000000000000000000000000610bb6565b6104c07f0000000000000000000000000000000000000000000000000000000000000000610bb6565b6020610505604051926104d38385610930565b5f84525f368137604051958695600f60f81b875260e08588015260e08701906108e0565b9085820360408701526108e0565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b82811061053c57505050500390f35b83518552869550938101939281019260010161052d565b3461015d57602036600319011261015d576001600160a01b03610574610904565b165f526007602052602060405f2054604051908152f35b3461015d575f36600319011261015d576105a3610b2c565b600880546001600160a01b031981169091555f906001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a3005b3461015d57602036600319011261015d576001600160a01b03610607610904565b165f525f602052602060405f2054604051908152f35b3461015d57604036600319011261015d57610636610904565b60243590610642610b2c565b6001600160a01b03169081156106b657600254908082018092116106a25760207fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef915f9360025584845283825260408420818154019055604051908152a3005b634e487b7160e01b5f52601160045260245ffd5b63ec442f0560e01b5f525f60045260245ffd5b3461015d575f36600319011261015d5760206106e3610a10565b604051908152f35b3461015d575f36600319011261015d57602060405160128152f35b3461015d57606036600319011261015d5761071f610904565b61072761091a565b6001600160a01b0382165f818152600160209081526040808320338452909152902054909260443592915f198110610765575b5061031c9350610966565b8381106107ca5784156107b75733156107a45761031c945f52600160205260405f2060018060a01b0333165f526020528360405f20910390558461075a565b634a1406b160e11b5f525f60045260245ffd5b63e602df0560e01b5f525f60045260245ffd5b8390637dc7a0d960e11b5f523360045260245260445260645ffd5b3461015d575f36600319011261015d576020600254604051908152f35b3461015d57604036600319011261015d5761031c61081e610904565b6024359033610b53565b3461015d575f36600319011261015d575f6003548060011c906001811680156108d6575b602083108114610415578285529081156103f157506001146108785761038f8361037b81850382610930565b91905060035f527fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b915f905b8082106108bc5750909150810160200161037b61036b565b9192600181602092548385880101520191019092916108a4565b91607f169161084c565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b600435906001600160a01b038216820361015d57565b602435906001600160a01b038216820361015d57565b90601f8019910116810190811067ffffffffffffffff82111761095257604052565b634e487b7160e01b5f52604160045260245ffd5b6001600160a01b03169081156109fd576001600160a01b03169182156106b657815f525f60205260405f20548181106109e457817fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef92602092855f525f84520360405f2055845f525f825260405f20818154019055604051908152a3565b8263391434e360e21b5f5260045260245260445260645ffd5b634b637e8f60e11b5f525f60045260245ffd5b307f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03161480610b03575b15610a6b577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a08152610afd60c082610930565b51902090565b507f00000000000000000000000000000000000000000000000000000000000000004614610a42565b6008546001600160a01b03163303610b4057565b63118cdaa760e01b5f523360045260245ffd5b6001600160a01b03169081156107b7576001600160a01b03169182156107a45760207f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92591835f526001825260405f20855f5282528060405f2055604051908152a3565b60ff811690601f8211610be55760405191610bd2604084610930565b6020808452838101919036833783525290565b632cd44ac360e21b5f5260045ffd5b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411610c76579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa15610c6b575f516001600160a01b03811615610c6157905f905f90565b505f906001905f90565b6040513d5f823e3d90fd5b5050505f9160039190565b6004811015610ce15780610c93575050565b60018103610caa5763f645eedf60e01b5f5260045ffd5b60028103610cc5575063fce698f760e01b5f5260045260245ffd5b600314610ccf5750565b6335e2f38360e21b5f5260045260245ffd5b634e487b7160e01b5f52602160045260245ffdfea164736f6c6343000825000a",
}

// BrineToken is an auto generated Go binding around an Ethereum contract.
type BrineToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *BrineToken) GetABI() abi.ABI {
	return c.abi
}

// NewBrineToken creates a new instance of BrineToken.
func NewBrineToken() *BrineToken {
	parsed, err := BrineTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &BrineToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *BrineToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(string name_, string symbol_, address owner_) returns()
func (brineToken *BrineToken) PackConstructor(name_ string, symbol_ string, owner_ common.Address) []byte {
	enc, err := brineToken.abi.Pack("", name_, symbol_, owner_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (brineToken *BrineToken) PackDOMAINSEPARATOR() []byte {
	enc, err := brineToken.abi.Pack("DOMAIN_SEPARATOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (brineToken *BrineToken) TryPackDOMAINSEPARATOR() ([]byte, error) {
	return brineToken.abi.Pack("DOMAIN_SEPARATOR")
}

// UnpackDOMAINSEPARATOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (brineToken *BrineToken) UnpackDOMAINSEPARATOR(data []byte) ([32]byte, error) {
	out, err := brineToken.abi.Unpack("DOMAIN_SEPARATOR", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (brineToken *BrineToken) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := brineToken.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (brineToken *BrineToken) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return brineToken.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (brineToken *BrineToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := brineToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (brineToken *BrineToken) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := brineToken.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (brineToken *BrineToken) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return brineToken.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (brineToken *BrineToken) UnpackApprove(data []byte) (bool, error) {
	out, err := brineToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (brineToken *BrineToken) PackBalanceOf(account common.Address) []byte {
	enc, err := brineToken.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (brineToken *BrineToken) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return brineToken.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (brineToken *BrineToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := brineToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (brineToken *BrineToken) PackDecimals() []byte {
	enc, err := brineToken.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (brineToken *BrineToken) TryPackDecimals() ([]byte, error) {
	return brineToken.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (brineToken *BrineToken) UnpackDecimals(data []byte) (uint8, error) {
	out, err := brineToken.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (brineToken *BrineToken) PackEip712Domain() []byte {
	enc, err := brineToken.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (brineToken *BrineToken) TryPackEip712Domain() ([]byte, error) {
	return brineToken.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (brineToken *BrineToken) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := brineToken.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (brineToken *BrineToken) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := brineToken.abi.Pack("mint", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (brineToken *BrineToken) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return brineToken.abi.Pack("mint", to, amount)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (brineToken *BrineToken) PackName() []byte {
	enc, err := brineToken.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (brineToken *BrineToken) TryPackName() ([]byte, error) {
	return brineToken.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (brineToken *BrineToken) UnpackName(data []byte) (string, error) {
	out, err := brineToken.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (brineToken *BrineToken) PackNonces(owner common.Address) []byte {
	enc, err := brineToken.abi.Pack("nonces", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (brineToken *BrineToken) TryPackNonces(owner common.Address) ([]byte, error) {
	return brineToken.abi.Pack("nonces", owner)
}

// UnpackNonces is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (brineToken *BrineToken) UnpackNonces(data []byte) (*big.Int, error) {
	out, err := brineToken.abi.Unpack("nonces", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (brineToken *BrineToken) PackOwner() []byte {
	enc, err := brineToken.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (brineToken *BrineToken) TryPackOwner() ([]byte, error) {
	return brineToken.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (brineToken *BrineToken) UnpackOwner(data []byte) (common.Address, error) {
	out, err := brineToken.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (brineToken *BrineToken) PackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := brineToken.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (brineToken *BrineToken) TryPackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return brineToken.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (brineToken *BrineToken) PackRenounceOwnership() []byte {
	enc, err := brineToken.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (brineToken *BrineToken) TryPackRenounceOwnership() ([]byte, error) {
	return brineToken.abi.Pack("renounceOwnership")
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (brineToken *BrineToken) PackSymbol() []byte {
	enc, err := brineToken.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (brineToken *BrineToken) TryPackSymbol() ([]byte, error) {
	return brineToken.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (brineToken *BrineToken) UnpackSymbol(data []byte) (string, error) {
	out, err := brineToken.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (brineToken *BrineToken) PackTotalSupply() []byte {
	enc, err := brineToken.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (brineToken *BrineToken) TryPackTotalSupply() ([]byte, error) {
	return brineToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (brineToken *BrineToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := brineToken.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (brineToken *BrineToken) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := brineToken.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (brineToken *BrineToken) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return brineToken.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (brineToken *BrineToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := brineToken.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (brineToken *BrineToken) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := brineToken.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (brineToken *BrineToken) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return brineToken.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (brineToken *BrineToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := brineToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (brineToken *BrineToken) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := brineToken.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (brineToken *BrineToken) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return brineToken.abi.Pack("transferOwnership", newOwner)
}

// BrineTokenApproval represents a Approval event raised by the BrineToken contract.
type BrineTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const BrineTokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (BrineTokenApproval) ContractEventName() string {
	return BrineTokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (brineToken *BrineToken) UnpackApprovalEvent(log *types.Log) (*BrineTokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != brineToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BrineTokenApproval)
	if len(log.Data) > 0 {
		if err := brineToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range brineToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BrineTokenEIP712DomainChanged represents a EIP712DomainChanged event raised by the BrineToken contract.
type BrineTokenEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const BrineTokenEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (BrineTokenEIP712DomainChanged) ContractEventName() string {
	return BrineTokenEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (brineToken *BrineToken) UnpackEIP712DomainChangedEvent(log *types.Log) (*BrineTokenEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != brineToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BrineTokenEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := brineToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range brineToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BrineTokenOwnershipTransferred represents a OwnershipTransferred event raised by the BrineToken contract.
type BrineTokenOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const BrineTokenOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (BrineTokenOwnershipTransferred) ContractEventName() string {
	return BrineTokenOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (brineToken *BrineToken) UnpackOwnershipTransferredEvent(log *types.Log) (*BrineTokenOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != brineToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BrineTokenOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := brineToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range brineToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// BrineTokenTransfer represents a Transfer event raised by the BrineToken contract.
type BrineTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const BrineTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (BrineTokenTransfer) ContractEventName() string {
	return BrineTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (brineToken *BrineToken) UnpackTransferEvent(log *types.Log) (*BrineTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != brineToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BrineTokenTransfer)
	if len(log.Data) > 0 {
		if err := brineToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range brineToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (brineToken *BrineToken) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ECDSAInvalidSignature"].ID.Bytes()[:4]) {
		return brineToken.UnpackECDSAInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ECDSAInvalidSignatureLength"].ID.Bytes()[:4]) {
		return brineToken.UnpackECDSAInvalidSignatureLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ECDSAInvalidSignatureS"].ID.Bytes()[:4]) {
		return brineToken.UnpackECDSAInvalidSignatureSError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC20InvalidSpenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC2612ExpiredSignature"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC2612ExpiredSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["ERC2612InvalidSigner"].ID.Bytes()[:4]) {
		return brineToken.UnpackERC2612InvalidSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["InvalidAccountNonce"].ID.Bytes()[:4]) {
		return brineToken.UnpackInvalidAccountNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return brineToken.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return brineToken.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return brineToken.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], brineToken.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return brineToken.UnpackStringTooLongError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// BrineTokenECDSAInvalidSignature represents a ECDSAInvalidSignature error raised by the BrineToken contract.
type BrineTokenECDSAInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignature()
func BrineTokenECDSAInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xf645eedf0193584640b6b90cb9477e4c95b98636c148a891d4c0a146dc46e75a")
}

// UnpackECDSAInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignature()
func (brineToken *BrineToken) UnpackECDSAInvalidSignatureError(raw []byte) (*BrineTokenECDSAInvalidSignature, error) {
	out := new(BrineTokenECDSAInvalidSignature)
	if err := brineToken.abi.UnpackIntoInterface(out, "ECDSAInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenECDSAInvalidSignatureLength represents a ECDSAInvalidSignatureLength error raised by the BrineToken contract.
type BrineTokenECDSAInvalidSignatureLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func BrineTokenECDSAInvalidSignatureLengthErrorID() common.Hash {
	return common.HexToHash("0xfce698f7e8e5342cd615f641317bc45fe7e1e4a8b0a14dd1383ff8dc9c41917f")
}

// UnpackECDSAInvalidSignatureLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func (brineToken *BrineToken) UnpackECDSAInvalidSignatureLengthError(raw []byte) (*BrineTokenECDSAInvalidSignatureLength, error) {
	out := new(BrineTokenECDSAInvalidSignatureLength)
	if err := brineToken.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenECDSAInvalidSignatureS represents a ECDSAInvalidSignatureS error raised by the BrineToken contract.
type BrineTokenECDSAInvalidSignatureS struct {
	S [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func BrineTokenECDSAInvalidSignatureSErrorID() common.Hash {
	return common.HexToHash("0xd78bce0cccb935155ed6428d1c13e50b7f3550fd2b66b9fe266006fea4a5e1eb")
}

// UnpackECDSAInvalidSignatureSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func (brineToken *BrineToken) UnpackECDSAInvalidSignatureSError(raw []byte) (*BrineTokenECDSAInvalidSignatureS, error) {
	out := new(BrineTokenECDSAInvalidSignatureS)
	if err := brineToken.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the BrineToken contract.
type BrineTokenERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func BrineTokenERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (brineToken *BrineToken) UnpackERC20InsufficientAllowanceError(raw []byte) (*BrineTokenERC20InsufficientAllowance, error) {
	out := new(BrineTokenERC20InsufficientAllowance)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the BrineToken contract.
type BrineTokenERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func BrineTokenERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (brineToken *BrineToken) UnpackERC20InsufficientBalanceError(raw []byte) (*BrineTokenERC20InsufficientBalance, error) {
	out := new(BrineTokenERC20InsufficientBalance)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC20InvalidApprover represents a ERC20InvalidApprover error raised by the BrineToken contract.
type BrineTokenERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func BrineTokenERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (brineToken *BrineToken) UnpackERC20InvalidApproverError(raw []byte) (*BrineTokenERC20InvalidApprover, error) {
	out := new(BrineTokenERC20InvalidApprover)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the BrineToken contract.
type BrineTokenERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func BrineTokenERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (brineToken *BrineToken) UnpackERC20InvalidReceiverError(raw []byte) (*BrineTokenERC20InvalidReceiver, error) {
	out := new(BrineTokenERC20InvalidReceiver)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC20InvalidSender represents a ERC20InvalidSender error raised by the BrineToken contract.
type BrineTokenERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func BrineTokenERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (brineToken *BrineToken) UnpackERC20InvalidSenderError(raw []byte) (*BrineTokenERC20InvalidSender, error) {
	out := new(BrineTokenERC20InvalidSender)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC20InvalidSpender represents a ERC20InvalidSpender error raised by the BrineToken contract.
type BrineTokenERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func BrineTokenERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (brineToken *BrineToken) UnpackERC20InvalidSpenderError(raw []byte) (*BrineTokenERC20InvalidSpender, error) {
	out := new(BrineTokenERC20InvalidSpender)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC2612ExpiredSignature represents a ERC2612ExpiredSignature error raised by the BrineToken contract.
type BrineTokenERC2612ExpiredSignature struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func BrineTokenERC2612ExpiredSignatureErrorID() common.Hash {
	return common.HexToHash("0x627913023c184eaad13735d5a3d2657ae76ec9a872a70e0fc57522ef1a114d58")
}

// UnpackERC2612ExpiredSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func (brineToken *BrineToken) UnpackERC2612ExpiredSignatureError(raw []byte) (*BrineTokenERC2612ExpiredSignature, error) {
	out := new(BrineTokenERC2612ExpiredSignature)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC2612ExpiredSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenERC2612InvalidSigner represents a ERC2612InvalidSigner error raised by the BrineToken contract.
type BrineTokenERC2612InvalidSigner struct {
	Signer common.Address
	Owner  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func BrineTokenERC2612InvalidSignerErrorID() common.Hash {
	return common.HexToHash("0x4b800e463b323b1d856edf9dec70329a639d13874a57f5c28219ff57128756db")
}

// UnpackERC2612InvalidSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func (brineToken *BrineToken) UnpackERC2612InvalidSignerError(raw []byte) (*BrineTokenERC2612InvalidSigner, error) {
	out := new(BrineTokenERC2612InvalidSigner)
	if err := brineToken.abi.UnpackIntoInterface(out, "ERC2612InvalidSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenInvalidAccountNonce represents a InvalidAccountNonce error raised by the BrineToken contract.
type BrineTokenInvalidAccountNonce struct {
	Account      common.Address
	CurrentNonce *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func BrineTokenInvalidAccountNonceErrorID() common.Hash {
	return common.HexToHash("0x752d88c0de02638abf10e8e31861e4c68dc1f3a1e7d840e580683f2c282bfc7a")
}

// UnpackInvalidAccountNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func (brineToken *BrineToken) UnpackInvalidAccountNonceError(raw []byte) (*BrineTokenInvalidAccountNonce, error) {
	out := new(BrineTokenInvalidAccountNonce)
	if err := brineToken.abi.UnpackIntoInterface(out, "InvalidAccountNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenInvalidShortString represents a InvalidShortString error raised by the BrineToken contract.
type BrineTokenInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func BrineTokenInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (brineToken *BrineToken) UnpackInvalidShortStringError(raw []byte) (*BrineTokenInvalidShortString, error) {
	out := new(BrineTokenInvalidShortString)
	if err := brineToken.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the BrineToken contract.
type BrineTokenOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func BrineTokenOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (brineToken *BrineToken) UnpackOwnableInvalidOwnerError(raw []byte) (*BrineTokenOwnableInvalidOwner, error) {
	out := new(BrineTokenOwnableInvalidOwner)
	if err := brineToken.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the BrineToken contract.
type BrineTokenOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func BrineTokenOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (brineToken *BrineToken) UnpackOwnableUnauthorizedAccountError(raw []byte) (*BrineTokenOwnableUnauthorizedAccount, error) {
	out := new(BrineTokenOwnableUnauthorizedAccount)
	if err := brineToken.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// BrineTokenStringTooLong represents a StringTooLong error raised by the BrineToken contract.
type BrineTokenStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func BrineTokenStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (brineToken *BrineToken) UnpackStringTooLongError(raw []byte) (*BrineTokenStringTooLong, error) {
	out := new(BrineTokenStringTooLong)
	if err := brineToken.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// CallActorByIdMockMetaData contains all meta data concerning the CallActorByIdMock contract.
var CallActorByIdMockMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"method\",\"type\":\"uint64\"}],\"name\":\"Unsupported\",\"type\":\"error\"},{\"stateMutability\":\"nonpayable\",\"type\":\"fallback\"},{\"inputs\":[],\"name\":\"EXIT_NOT_FOUND\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"GET_PEER_ID_METHOD\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PRECOMPILE\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"answer\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"exitCode\",\"type\":\"int256\"},{\"internalType\":\"uint64\",\"name\":\"codec\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"value\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"int256\",\"name\":\"exitCode\",\"type\":\"int256\"}],\"name\":\"setExitCode\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"}],\"name\":\"setPeerId\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"raw\",\"type\":\"bytes\"}],\"name\":\"setRawReturn\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "fc716d1f2832fcbd2a7bfba32adb7cc8b6",
	Bin: "0x60808060405234601557610e93908161001a8239f35b5f80fdfe6080806040526004361015610210575b50346101c25760c036126101c2575f356001600160401b0381168091036101c257604035906001600160401b0382168092036101c257606035916001600160401b0383168093036101c2576080356001600160401b0381116101c25736601f820112156101c257610087903690602081359101610bd6565b60a035936001600160401b0385168095036101c25763a7a91241841492831593610204575b83156101f8575b5082156101ee575b5081156101e3575b506101d15750604051633723d10560e11b815260048101919091525f816024816005607f60991b015afa80156101c6575f915f905f92610129575b5061012590610117604051938492602084019687610b3e565b03601f198101835282610b9a565b5190f35b925050503d805f833e61013c8183610b9a565b81016060828203126101c25781516020830151926001600160401b03841684036101c2576040810151906001600160401b0382116101c257019082601f830112156101c257815161018c81610bbb565b9361019a6040519586610b9a565b818552602082850101116101c2576020815f928261012596018388015e8501015292906100fe565b5f80fd5b6040513d5f823e3d90fd5b63dd5925d560e01b5f5260045260245ffd5b90505115155f6100c3565b151591505f6100bb565b6001141592505f6100b3565b602035151593506100ac565b5f3560e01c908163046cc85f14610848575080630709d0b1146108265780636e47a20a146107ef5780637363a60f1461055c578063a851c95814610541578063cf669905146102875763df9e4f6614610269575f61000f565b346101c2575f3660031901126101c257602060405163a7a912418152f35b346101c25761029536610adc565b916102b9604051926102a684610b7f565b6001845260208401945f86523691610bd6565b91604081019283526020936001600160401b03604051936102da8786610b9a565b5f855260608401948552165f525f855260405f209151151560ff80198454169116178255516001820155600281019251928351936001600160401b03851161046e576103268254610c0c565b601f81116104f2575b508590601f861160011461048d57948091600395965f92610482575b50508160011b915f1990861b1c19161790555b019051918251906001600160401b03821161046e5761037d8354610c0c565b601f811161041f575b5080601f83116001146103c057508192935f926103b5575b50505f19600383901b1c191660019190911b179055005b01519050838061039e565b90601f19831694845f52825f20925f905b8782106104075750508360019596106103ef575b505050811b019055005b01515f1960f88460031b161c191690558380806103e5565b806001859682949686015181550195019301906103d1565b8281111561038657835f52815f20601f840160051c90838510610466575b81601f9101920160051c03905f5b828110610459575050610386565b5f8282015560010161044b565b5f915061043d565b634e487b7160e01b5f52604160045260245ffd5b01519050878061034b565b90601f19861691835f52875f20925f5b898282106104dc5750509160019391886003989994106104c5575b505050811b01905561035e565b01515f1983881b60f8161c191690558780806104b8565b600185968293968601518155019501930161049d565b8581111561032f57825f52865f20601f870160051c90888810610539575b81601f9101920160051c03905f5b82811061052c57505061032f565b5f8282015560010161051e565b5f9150610510565b346101c2575f3660031901126101c257602060405160118152f35b346101c25760403660031901126101c257610575610ac6565b6040519061058282610b7f565b6001825260208201906024358252602092604051926105a18585610b9a565b5f8452604082019384526001600160401b03604051936105c18786610b9a565b5f855260608401948552165f525f855260405f209151151560ff80198454169116178255516001820155600281019251928351936001600160401b03851161046e5761060d8254610c0c565b601f81116107a0575b508590601f861160011461073b57948091600395965f92610730575b50508160011b915f1990861b1c19161790555b019051918251906001600160401b03821161046e576106648354610c0c565b601f81116106e1575b5080601f831160011461069b57508192935f926103b55750505f19600383901b1c191660019190911b179055005b90601f19831694845f52825f20925f905b8782106106c95750508360019596106103ef57505050811b019055005b806001859682949686015181550195019301906106ac565b8281111561066d57835f52815f20601f840160051c90838510610728575b81601f9101920160051c03905f5b82811061071b57505061066d565b5f8282015560010161070d565b5f91506106ff565b015190508780610632565b90601f19861691835f52875f20925f5b8982821061078a575050916001939188600398999410610773575b505050811b019055610645565b01515f1983881b60f8161c19169055878080610766565b600185968293968601518155019501930161074b565b8581111561061657825f52865f20601f870160051c908888106107e7575b81601f9101920160051c03905f5b8281106107da575050610616565b5f828201556001016107cc565b5f91506107be565b346101c25760203660031901126101c25761082261081361080e610ac6565b610ce4565b60409391935193849384610b3e565b0390f35b346101c2575f3660031901126101c2576040516005607f60991b018152602090f35b346101c25761085636610adc565b91909261086281610b7f565b60018152602081015f81526001600160401b0361089a602096604051966108898989610b9a565b5f8852604086019788523691610bd6565b9360608401948552165f525f855260405f209151151560ff80198454169116178255516001820155600281019251928351936001600160401b03851161046e576108e48254610c0c565b601f8111610a77575b508590601f8611600114610a1257948091600395965f92610a07575b50508160011b915f1990861b1c19161790555b019051918251906001600160401b03821161046e5761093b8354610c0c565b601f81116109b8575b5080601f831160011461097257508192935f926103b55750505f19600383901b1c191660019190911b179055005b90601f19831694845f52825f20925f905b8782106109a05750508360019596106103ef57505050811b019055005b80600185968294968601518155019501930190610983565b8281111561094457835f52815f20601f840160051c908385106109ff575b81601f9101920160051c03905f5b8281106109f2575050610944565b5f828201556001016109e4565b5f91506109d6565b015190508780610909565b90601f19861691835f52875f20925f5b89828210610a61575050916001939188600398999410610a4a575b505050811b01905561091c565b01515f1983881b60f8161c19169055878080610a3d565b6001859682939686015181550195019301610a22565b858111156108ed57825f52865f20601f870160051c90888810610abe575b81601f9101920160051c03905f5b828110610ab15750506108ed565b5f82820155600101610aa3565b5f9150610a95565b600435906001600160401b03821682036101c257565b60406003198201126101c2576004356001600160401b03811681036101c257916024356001600160401b0381116101c257826023820112156101c2578060040135926001600160401b0384116101c257602484830101116101c2576024019190565b91926001600160401b0360809460209385521682840152606060408401528051918291826060860152018484015e5f828201840152601f01601f1916010190565b608081019081106001600160401b0382111761046e57604052565b90601f801991011681019081106001600160401b0382111761046e57604052565b6001600160401b03811161046e57601f01601f191660200190565b929192610be282610bbb565b91610bf06040519384610b9a565b8294818452818301116101c2578281602093845f960137010152565b90600182811c92168015610c3a575b6020831014610c2657565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610c1b565b9060405191825f825492610c5784610c0c565b8084529360018116908115610cc25750600114610c7e575b50610c7c92500383610b9a565b565b90505f9291925260205f20905f915b818310610ca6575050906020610c7c928201015f610c6f565b6020919350806001915483858901015201910190918492610c8d565b905060209250610c7c94915060ff191682840152151560051b8201015f610c6f565b6001600160401b03165f525f60205260405f2060ff81541615610d6657600181015480610d4d575060038101610d1a8154610c0c565b610d3b5750610d2e6002610d339201610c44565b610d7a565b5f9160519190565b90505f91610d4a605192610c44565b90565b9050905f90604051610d60602082610b9a565b5f815290565b506011905f90604051610d60602082610b9a565b805160188110610e21575080516101008110610dda5750610d4a60248251602060405194859261815960f01b8385015261ffff60f01b9060f01b1660228401528051918291018484015e81015f838201520301601f198101835282610b9a565b6023610d4a91602060405194859261102b60f31b8385015260ff60f81b9060f81b1660228401528051918291018484015e81015f838201520301601f198101835282610b9a565b60400180604011610e72576022610d4a916020604051948592608160f81b8385015260ff60f81b9060f81b1660218401528051918291018484015e81015f838201520301601f198101835282610b9a565b634e487b7160e01b5f52601160045260245ffdfea164736f6c6343000825000a",
}

// CallActorByIdMock is an auto generated Go binding around an Ethereum contract.
type CallActorByIdMock struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *CallActorByIdMock) GetABI() abi.ABI {
	return c.abi
}

// NewCallActorByIdMock creates a new instance of CallActorByIdMock.
func NewCallActorByIdMock() *CallActorByIdMock {
	parsed, err := CallActorByIdMockMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &CallActorByIdMock{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *CallActorByIdMock) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackEXITNOTFOUND is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa851c958.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function EXIT_NOT_FOUND() view returns(int256)
func (callActorByIdMock *CallActorByIdMock) PackEXITNOTFOUND() []byte {
	enc, err := callActorByIdMock.abi.Pack("EXIT_NOT_FOUND")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEXITNOTFOUND is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa851c958.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function EXIT_NOT_FOUND() view returns(int256)
func (callActorByIdMock *CallActorByIdMock) TryPackEXITNOTFOUND() ([]byte, error) {
	return callActorByIdMock.abi.Pack("EXIT_NOT_FOUND")
}

// UnpackEXITNOTFOUND is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa851c958.
//
// Solidity: function EXIT_NOT_FOUND() view returns(int256)
func (callActorByIdMock *CallActorByIdMock) UnpackEXITNOTFOUND(data []byte) (*big.Int, error) {
	out, err := callActorByIdMock.abi.Unpack("EXIT_NOT_FOUND", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGETPEERIDMETHOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf9e4f66.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function GET_PEER_ID_METHOD() view returns(uint64)
func (callActorByIdMock *CallActorByIdMock) PackGETPEERIDMETHOD() []byte {
	enc, err := callActorByIdMock.abi.Pack("GET_PEER_ID_METHOD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGETPEERIDMETHOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf9e4f66.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function GET_PEER_ID_METHOD() view returns(uint64)
func (callActorByIdMock *CallActorByIdMock) TryPackGETPEERIDMETHOD() ([]byte, error) {
	return callActorByIdMock.abi.Pack("GET_PEER_ID_METHOD")
}

// UnpackGETPEERIDMETHOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdf9e4f66.
//
// Solidity: function GET_PEER_ID_METHOD() view returns(uint64)
func (callActorByIdMock *CallActorByIdMock) UnpackGETPEERIDMETHOD(data []byte) (uint64, error) {
	out, err := callActorByIdMock.abi.Unpack("GET_PEER_ID_METHOD", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPRECOMPILE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0709d0b1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PRECOMPILE() view returns(address)
func (callActorByIdMock *CallActorByIdMock) PackPRECOMPILE() []byte {
	enc, err := callActorByIdMock.abi.Pack("PRECOMPILE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPRECOMPILE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0709d0b1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PRECOMPILE() view returns(address)
func (callActorByIdMock *CallActorByIdMock) TryPackPRECOMPILE() ([]byte, error) {
	return callActorByIdMock.abi.Pack("PRECOMPILE")
}

// UnpackPRECOMPILE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0709d0b1.
//
// Solidity: function PRECOMPILE() view returns(address)
func (callActorByIdMock *CallActorByIdMock) UnpackPRECOMPILE(data []byte) (common.Address, error) {
	out, err := callActorByIdMock.abi.Unpack("PRECOMPILE", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackAnswer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e47a20a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function answer(uint64 minerId) view returns(int256 exitCode, uint64 codec, bytes value)
func (callActorByIdMock *CallActorByIdMock) PackAnswer(minerId uint64) []byte {
	enc, err := callActorByIdMock.abi.Pack("answer", minerId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnswer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e47a20a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function answer(uint64 minerId) view returns(int256 exitCode, uint64 codec, bytes value)
func (callActorByIdMock *CallActorByIdMock) TryPackAnswer(minerId uint64) ([]byte, error) {
	return callActorByIdMock.abi.Pack("answer", minerId)
}

// AnswerOutput serves as a container for the return parameters of contract
// method Answer.
type AnswerOutput struct {
	ExitCode *big.Int
	Codec    uint64
	Value    []byte
}

// UnpackAnswer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6e47a20a.
//
// Solidity: function answer(uint64 minerId) view returns(int256 exitCode, uint64 codec, bytes value)
func (callActorByIdMock *CallActorByIdMock) UnpackAnswer(data []byte) (AnswerOutput, error) {
	out, err := callActorByIdMock.abi.Unpack("answer", data)
	outstruct := new(AnswerOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.ExitCode = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Codec = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Value = *abi.ConvertType(out[2], new([]byte)).(*[]byte)
	return *outstruct, nil
}

// PackSetExitCode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7363a60f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setExitCode(uint64 minerId, int256 exitCode) returns()
func (callActorByIdMock *CallActorByIdMock) PackSetExitCode(minerId uint64, exitCode *big.Int) []byte {
	enc, err := callActorByIdMock.abi.Pack("setExitCode", minerId, exitCode)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetExitCode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7363a60f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setExitCode(uint64 minerId, int256 exitCode) returns()
func (callActorByIdMock *CallActorByIdMock) TryPackSetExitCode(minerId uint64, exitCode *big.Int) ([]byte, error) {
	return callActorByIdMock.abi.Pack("setExitCode", minerId, exitCode)
}

// PackSetPeerId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf669905.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPeerId(uint64 minerId, bytes peerId) returns()
func (callActorByIdMock *CallActorByIdMock) PackSetPeerId(minerId uint64, peerId []byte) []byte {
	enc, err := callActorByIdMock.abi.Pack("setPeerId", minerId, peerId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPeerId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf669905.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPeerId(uint64 minerId, bytes peerId) returns()
func (callActorByIdMock *CallActorByIdMock) TryPackSetPeerId(minerId uint64, peerId []byte) ([]byte, error) {
	return callActorByIdMock.abi.Pack("setPeerId", minerId, peerId)
}

// PackSetRawReturn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x046cc85f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRawReturn(uint64 minerId, bytes raw) returns()
func (callActorByIdMock *CallActorByIdMock) PackSetRawReturn(minerId uint64, raw []byte) []byte {
	enc, err := callActorByIdMock.abi.Pack("setRawReturn", minerId, raw)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRawReturn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x046cc85f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRawReturn(uint64 minerId, bytes raw) returns()
func (callActorByIdMock *CallActorByIdMock) TryPackSetRawReturn(minerId uint64, raw []byte) ([]byte, error) {
	return callActorByIdMock.abi.Pack("setRawReturn", minerId, raw)
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (callActorByIdMock *CallActorByIdMock) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], callActorByIdMock.abi.Errors["Unsupported"].ID.Bytes()[:4]) {
		return callActorByIdMock.UnpackUnsupportedError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// CallActorByIdMockUnsupported represents a Unsupported error raised by the CallActorByIdMock contract.
type CallActorByIdMockUnsupported struct {
	Method uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Unsupported(uint64 method)
func CallActorByIdMockUnsupportedErrorID() common.Hash {
	return common.HexToHash("0xdd5925d5aea2a641bff3236a8257000c78aee2738c817ef25c3a5e50c8482626")
}

// UnpackUnsupportedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Unsupported(uint64 method)
func (callActorByIdMock *CallActorByIdMock) UnpackUnsupportedError(raw []byte) (*CallActorByIdMockUnsupported, error) {
	out := new(CallActorByIdMockUnsupported)
	if err := callActorByIdMock.abi.UnpackIntoInterface(out, "Unsupported", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FeeOnTransferTokenMetaData contains all meta data concerning the FeeOnTransferToken contract.
var FeeOnTransferTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"feeBps_\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"onlyFromContracts_\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"feeBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"onlyFromContracts\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "37c310ed2cb58129f71a3441a87102f54a",
	Bin: "0x60c06040523461036c57610c276040813803918261001c81610370565b93849283398101031261036c576020815191015190811515820361036c576100446040610370565b91600f83526e2332b29027b7102a3930b739b332b960891b602084015261006b6040610370565b60038152621193d560ea1b602082015283519092906001600160401b03811161027257600354600181811c91168015610362575b602082101461025457601f81116102f4575b50602094601f8211600114610291579481929394955f92610286575b50508160011b915f199060031b1c1916176003555b82516001600160401b03811161027257600454600181811c91168015610268575b602082101461025457601f81116101e6575b506020601f821160011461018357819293945f92610178575b50508160011b915f199060031b1c1916176004555b60805260a0526040516108919081610396823960805181818161032f015261065e015260a05181818161028e015261076b0152f35b015190505f8061012e565b601f1982169060045f52805f20915f5b8181106101ce575095836001959697106101b6575b505050811b01600455610143565b01515f1960f88460031b161c191690555f80806101a8565b9192602060018192868b015181550194019201610193565b818111156101155760045f52601f820160051c7f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b6020841061024c575b81601f9101920160051c03905f5b82811061023f575050610115565b5f82820155600101610231565b5f9150610223565b634e487b7160e01b5f52602260045260245ffd5b90607f1690610103565b634e487b7160e01b5f52604160045260245ffd5b015190505f806100cd565b601f1982169560035f52805f20915f5b8881106102dc575083600195969798106102c4575b505050811b016003556100e2565b01515f1960f88460031b161c191690555f80806102b6565b919260206001819286850151815501940192016102a1565b818111156100b15760035f52601f820160051c7fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b6020841061035a575b81601f9101920160051c03905f5b82811061034d5750506100b1565b5f8282015560010161033f565b5f9150610331565b90607f169061009f565b5f80fd5b6040519190601f01601f191682016001600160401b038111838210176102725760405256fe6080806040526004361015610012575f80fd5b5f3560e01c90816306fdde03146104d057508063095ea7b31461044e57806318160ddd1461043157806323b872dd1461035257806324a9d85314610318578063313ce567146102fd57806340c10f19146102b357806367ab1ecc1461027757806370a082311461024057806395d89b4114610125578063a9059cbb146100f45763dd62ed3e146100a0575f80fd5b346100f05760403660031901126100f0576100b96105c9565b6100c16105df565b6001600160a01b039182165f908152600160209081526040808320949093168252928352819020549051908152f35b5f80fd5b346100f05760403660031901126100f05761011a6101106105c9565b60243590336105f5565b602060405160018152f35b346100f0575f3660031901126100f0576040515f6004548060011c90600181168015610236575b6020831081146102225782855290811561020657506001146101b1575b50819003601f01601f191681019067ffffffffffffffff82118183101761019d576101998291826040528261059f565b0390f35b634e487b7160e01b5f52604160045260245ffd5b905060045f527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b5f905b8282106101f057506020915082010182610169565b60018160209254838588010152019101906101db565b90506020925060ff191682840152151560051b82010182610169565b634e487b7160e01b5f52602260045260245ffd5b91607f169161014c565b346100f05760203660031901126100f0576001600160a01b036102616105c9565b165f525f602052602060405f2054604051908152f35b346100f0575f3660031901126100f05760206040517f000000000000000000000000000000000000000000000000000000000000000015158152f35b346100f05760403660031901126100f0576102cc6105c9565b6001600160a01b038116156102ea576102e89060243590610633565b005b63ec442f0560e01b5f525f60045260245ffd5b346100f0575f3660031901126100f057602060405160128152f35b346100f0575f3660031901126100f05760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346100f05760603660031901126100f05761036b6105c9565b6103736105df565b6001600160a01b0382165f818152600160209081526040808320338452909152902054909260443592915f1981106103b1575b5061011a93506105f5565b8381106104165784156104035733156103f05761011a945f52600160205260405f2060018060a01b0333165f526020528360405f2091039055846103a6565b634a1406b160e11b5f525f60045260245ffd5b63e602df0560e01b5f525f60045260245ffd5b8390637dc7a0d960e11b5f523360045260245260445260645ffd5b346100f0575f3660031901126100f0576020600254604051908152f35b346100f05760403660031901126100f0576104676105c9565b602435903315610403576001600160a01b03169081156103f057335f52600160205260405f20825f526020528060405f20556040519081527f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560203392a3602060405160018152f35b346100f0575f3660031901126100f0575f6003548060011c90600181168015610595575b6020831081146102225782855290811561020657506001146105405750819003601f01601f191681019067ffffffffffffffff82118183101761019d576101998291826040528261059f565b905060035f527fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b5f905b82821061057f57506020915082010182610169565b600181602092548385880101520191019061056a565b91607f16916104f4565b602060409281835280519182918282860152018484015e5f828201840152601f01601f1916010190565b600435906001600160a01b03821682036100f057565b602435906001600160a01b03821682036100f057565b91906001600160a01b03831615610620576001600160a01b038116156102ea5761061e9261063e565b565b634b637e8f60e11b5f525f60045260245ffd5b9061061e915f6107aa565b906001600160a01b038216158015610799575b8015610768575b61075e577f00000000000000000000000000000000000000000000000000000000000000008084029084820414841517156106f4576127109004928381039081116106f4576106a791836107aa565b816106b0575050565b6001600160a01b03168061070857600254918083018093116106f45760205f5160206108655f395f51905f52915f946002555b8060025403600255604051908152a3565b634e487b7160e01b5f52601160045260245ffd5b805f939293525f60205260405f2054838110610744576020845f94955f5160206108655f395f51905f52938587528684520360408620556106e3565b915063391434e360e21b5f5260045260245260445260645ffd5b61061e92916107aa565b507f000000000000000000000000000000000000000000000000000000000000000080156106585750813b15610658565b506001600160a01b03811615610651565b6001600160a01b03169081610812576002548381018091116106f4575f5160206108655f395f51905f52916020916002555b6001600160a01b031693846107fd5780600254036002555b604051908152a3565b845f525f825260405f208181540190556107f4565b815f525f60205260405f2054838110610849575f5160206108655f395f51905f529184602092855f525f84520360405f20556107dc565b91905063391434e360e21b5f5260045260245260445260645ffdfeddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3efa164736f6c6343000825000a",
}

// FeeOnTransferToken is an auto generated Go binding around an Ethereum contract.
type FeeOnTransferToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *FeeOnTransferToken) GetABI() abi.ABI {
	return c.abi
}

// NewFeeOnTransferToken creates a new instance of FeeOnTransferToken.
func NewFeeOnTransferToken() *FeeOnTransferToken {
	parsed, err := FeeOnTransferTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &FeeOnTransferToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *FeeOnTransferToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint256 feeBps_, bool onlyFromContracts_) returns()
func (feeOnTransferToken *FeeOnTransferToken) PackConstructor(feeBps_ *big.Int, onlyFromContracts_ bool) []byte {
	enc, err := feeOnTransferToken.abi.Pack("", feeBps_, onlyFromContracts_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := feeOnTransferToken.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return feeOnTransferToken.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := feeOnTransferToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := feeOnTransferToken.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return feeOnTransferToken.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) UnpackApprove(data []byte) (bool, error) {
	out, err := feeOnTransferToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) PackBalanceOf(account common.Address) []byte {
	enc, err := feeOnTransferToken.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return feeOnTransferToken.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := feeOnTransferToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (feeOnTransferToken *FeeOnTransferToken) PackDecimals() []byte {
	enc, err := feeOnTransferToken.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (feeOnTransferToken *FeeOnTransferToken) TryPackDecimals() ([]byte, error) {
	return feeOnTransferToken.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (feeOnTransferToken *FeeOnTransferToken) UnpackDecimals(data []byte) (uint8, error) {
	out, err := feeOnTransferToken.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24a9d853.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feeBps() view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) PackFeeBps() []byte {
	enc, err := feeOnTransferToken.abi.Pack("feeBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24a9d853.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feeBps() view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) TryPackFeeBps() ([]byte, error) {
	return feeOnTransferToken.abi.Pack("feeBps")
}

// UnpackFeeBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x24a9d853.
//
// Solidity: function feeBps() view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) UnpackFeeBps(data []byte) (*big.Int, error) {
	out, err := feeOnTransferToken.abi.Unpack("feeBps", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (feeOnTransferToken *FeeOnTransferToken) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := feeOnTransferToken.abi.Pack("mint", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (feeOnTransferToken *FeeOnTransferToken) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return feeOnTransferToken.abi.Pack("mint", to, amount)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (feeOnTransferToken *FeeOnTransferToken) PackName() []byte {
	enc, err := feeOnTransferToken.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (feeOnTransferToken *FeeOnTransferToken) TryPackName() ([]byte, error) {
	return feeOnTransferToken.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (feeOnTransferToken *FeeOnTransferToken) UnpackName(data []byte) (string, error) {
	out, err := feeOnTransferToken.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackOnlyFromContracts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x67ab1ecc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onlyFromContracts() view returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) PackOnlyFromContracts() []byte {
	enc, err := feeOnTransferToken.abi.Pack("onlyFromContracts")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnlyFromContracts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x67ab1ecc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onlyFromContracts() view returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) TryPackOnlyFromContracts() ([]byte, error) {
	return feeOnTransferToken.abi.Pack("onlyFromContracts")
}

// UnpackOnlyFromContracts is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x67ab1ecc.
//
// Solidity: function onlyFromContracts() view returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) UnpackOnlyFromContracts(data []byte) (bool, error) {
	out, err := feeOnTransferToken.abi.Unpack("onlyFromContracts", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (feeOnTransferToken *FeeOnTransferToken) PackSymbol() []byte {
	enc, err := feeOnTransferToken.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (feeOnTransferToken *FeeOnTransferToken) TryPackSymbol() ([]byte, error) {
	return feeOnTransferToken.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (feeOnTransferToken *FeeOnTransferToken) UnpackSymbol(data []byte) (string, error) {
	out, err := feeOnTransferToken.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) PackTotalSupply() []byte {
	enc, err := feeOnTransferToken.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) TryPackTotalSupply() ([]byte, error) {
	return feeOnTransferToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (feeOnTransferToken *FeeOnTransferToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := feeOnTransferToken.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := feeOnTransferToken.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return feeOnTransferToken.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := feeOnTransferToken.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := feeOnTransferToken.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return feeOnTransferToken.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (feeOnTransferToken *FeeOnTransferToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := feeOnTransferToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// FeeOnTransferTokenApproval represents a Approval event raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const FeeOnTransferTokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (FeeOnTransferTokenApproval) ContractEventName() string {
	return FeeOnTransferTokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (feeOnTransferToken *FeeOnTransferToken) UnpackApprovalEvent(log *types.Log) (*FeeOnTransferTokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != feeOnTransferToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FeeOnTransferTokenApproval)
	if len(log.Data) > 0 {
		if err := feeOnTransferToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range feeOnTransferToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// FeeOnTransferTokenTransfer represents a Transfer event raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const FeeOnTransferTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (FeeOnTransferTokenTransfer) ContractEventName() string {
	return FeeOnTransferTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (feeOnTransferToken *FeeOnTransferToken) UnpackTransferEvent(log *types.Log) (*FeeOnTransferTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != feeOnTransferToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FeeOnTransferTokenTransfer)
	if len(log.Data) > 0 {
		if err := feeOnTransferToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range feeOnTransferToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (feeOnTransferToken *FeeOnTransferToken) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], feeOnTransferToken.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return feeOnTransferToken.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], feeOnTransferToken.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return feeOnTransferToken.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], feeOnTransferToken.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return feeOnTransferToken.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], feeOnTransferToken.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return feeOnTransferToken.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], feeOnTransferToken.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return feeOnTransferToken.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], feeOnTransferToken.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return feeOnTransferToken.UnpackERC20InvalidSpenderError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// FeeOnTransferTokenERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func FeeOnTransferTokenERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (feeOnTransferToken *FeeOnTransferToken) UnpackERC20InsufficientAllowanceError(raw []byte) (*FeeOnTransferTokenERC20InsufficientAllowance, error) {
	out := new(FeeOnTransferTokenERC20InsufficientAllowance)
	if err := feeOnTransferToken.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FeeOnTransferTokenERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func FeeOnTransferTokenERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (feeOnTransferToken *FeeOnTransferToken) UnpackERC20InsufficientBalanceError(raw []byte) (*FeeOnTransferTokenERC20InsufficientBalance, error) {
	out := new(FeeOnTransferTokenERC20InsufficientBalance)
	if err := feeOnTransferToken.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FeeOnTransferTokenERC20InvalidApprover represents a ERC20InvalidApprover error raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func FeeOnTransferTokenERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (feeOnTransferToken *FeeOnTransferToken) UnpackERC20InvalidApproverError(raw []byte) (*FeeOnTransferTokenERC20InvalidApprover, error) {
	out := new(FeeOnTransferTokenERC20InvalidApprover)
	if err := feeOnTransferToken.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FeeOnTransferTokenERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func FeeOnTransferTokenERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (feeOnTransferToken *FeeOnTransferToken) UnpackERC20InvalidReceiverError(raw []byte) (*FeeOnTransferTokenERC20InvalidReceiver, error) {
	out := new(FeeOnTransferTokenERC20InvalidReceiver)
	if err := feeOnTransferToken.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FeeOnTransferTokenERC20InvalidSender represents a ERC20InvalidSender error raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func FeeOnTransferTokenERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (feeOnTransferToken *FeeOnTransferToken) UnpackERC20InvalidSenderError(raw []byte) (*FeeOnTransferTokenERC20InvalidSender, error) {
	out := new(FeeOnTransferTokenERC20InvalidSender)
	if err := feeOnTransferToken.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// FeeOnTransferTokenERC20InvalidSpender represents a ERC20InvalidSpender error raised by the FeeOnTransferToken contract.
type FeeOnTransferTokenERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func FeeOnTransferTokenERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (feeOnTransferToken *FeeOnTransferToken) UnpackERC20InvalidSpenderError(raw []byte) (*FeeOnTransferTokenERC20InvalidSpender, error) {
	out := new(FeeOnTransferTokenERC20InvalidSpender)
	if err := feeOnTransferToken.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenMetaData contains all meta data concerning the HostileToken contract.
var HostileTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ERC2612ExpiredSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC2612InvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"hooked\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bool\",\"name\":\"on\",\"type\":\"bool\"}],\"name\":\"setHooked\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "f6c730392dec5f0a705a79dea2896e8212",
	Bin: "0x610160604052346104385760405161001860408261043c565b600781526020810166486f7374696c6560c81b81526040519061003c60408361043c565b6007825266486f7374696c6560c81b60208301526040519261005f60408561043c565b60048452631213d4d560e21b60208501526040519361007f60408661043c565b60018552603160f81b60208601908152845190946001600160401b0382116103335760035490600182811c9216801561042e575b60208310146103155781601f8493116103b8575b50602090601f8311600114610352575f92610347575b50508160011b915f199060031b1c1916176003555b8051906001600160401b0382116103335760045490600182811c92168015610329575b60208310146103155781601f84931161029f575b50602090601f8311600114610239575f9261022e575b50508160011b915f199060031b1c1916176004555b61015d8161045f565b6101205261016a8461045f565b61014052519020918260e05251902080610100524660a0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a081526101d360c08261043c565b5190206080523060c052604051610d4b90816104cb823960805181610ac4015260a05181610b81015260c05181610a8e015260e05181610b1301526101005181610b390152610120518161044b015261014051816104750152f35b015190505f8061013f565b60045f9081528281209350601f198516905b818110610287575090846001959493921061026f575b505050811b01600455610154565b01515f1960f88460031b161c191690555f8080610261565b9293602060018192878601518155019501930161024b565b828111156101295760045f52909150601f830160051c7f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b6020851061030d575b849392601f0160051c82900391015f5b8281106102fd575050610129565b5f818301558594506001016102ef565b5f91506102df565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610115565b634e487b7160e01b5f52604160045260245ffd5b015190505f806100dd565b60035f9081528281209350601f198516905b8181106103a05750908460019594939210610388575b505050811b016003556100f2565b01515f1960f88460031b161c191690555f808061037a565b92936020600181928786015181550195019301610364565b828111156100c75760035f52909150601f830160051c7fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b60208510610426575b849392601f0160051c82900391015f5b8281106104165750506100c7565b5f81830155859450600101610408565b5f91506103f8565b91607f16916100b3565b5f80fd5b601f909101601f19168101906001600160401b0382119082101761033357604052565b601f81511161048a57602081519101516020821061047b571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe6080806040526004361015610012575f80fd5b5f905f3560e01c90816306fdde031461080d57508063095ea7b3146107e757806318160ddd146107ca57806323b872dd146106eb578063313ce567146106d05780633644e515146106ae57806340c10f191461059e57806370a08231146105665780637ecebe001461052d57806384b0196e146104315780638c46092c146103f257806395d89b41146102e1578063a9059cbb146102af578063d505accf14610160578063dd62ed3e1461010d5763e41ae5e5146100ce575f80fd5b3461010a57602036600319011261010a57600435801515809103610108573382526008602052604082209060ff8019835416911617905580f35b505b80fd5b503461010a57604036600319011261010a576040610129610922565b91610132610938565b9260018060a01b031681526001602052209060018060a01b03165f52602052602060405f2054604051908152f35b503461010a5760e036600319011261010a5761017a610922565b90610183610938565b604435906064359360843560ff811681036102ab57854211610297576102576102609160018060a01b03841697888852600760205260408820908154916001830190556040519060208201927f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c984528b604084015260018060a01b038916606084015289608084015260a083015260c082015260c0815261022560e08261094e565b519020610230610a8b565b906040519161190160f01b83526002830152602282015260c43591604260a4359220610c48565b90929192610cca565b6001600160a01b031694808603610280575061027d939450610ba7565b80f35b6325c0072360e11b85526004869052602452604484fd5b63313c898160e11b85526004869052602485fd5b8480fd5b503461010a57604036600319011261010a576102d66102cc610922565b6024359033610984565b602060405160018152f35b503461010a578060031936011261010a576040519080600454908160011c916001811680156103e8575b6020841081146103d4578386529081156103ad5750600114610350575b61034c846103388186038261094e565b6040519182916020835260208301906108fe565b0390f35b600481527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b939250905b8082106103935750909150810160200161033882610328565b91926001816020925483858801015201910190929161037a565b60ff191660208087019190915292151560051b850190920192506103389150839050610328565b634e487b7160e01b83526022600452602483fd5b92607f169261030b565b503461010a57602036600319011261010a5760209060ff906040906001600160a01b0361041d610922565b168152600884522054166040519015158152f35b503461010a578060031936011261010a576104d19061046f7f0000000000000000000000000000000000000000000000000000000000000000610c0a565b906104997f0000000000000000000000000000000000000000000000000000000000000000610c0a565b9060206104df604051936104ad838661094e565b8385525f368137604051968796600f60f81b885260e08589015260e08801906108fe565b9086820360408801526108fe565b904660608601523060808601528260a086015284820360c08601528080855193848152019401925b82811061051657505050500390f35b835185528695509381019392810192600101610507565b503461010a57602036600319011261010a576020906040906001600160a01b03610555610922565b168152600783522054604051908152f35b503461010a57602036600319011261010a576020906040906001600160a01b0361058e610922565b1681528083522054604051908152f35b5034610683576040366003190112610683576105b8610922565b6001600160a01b0316602435811561069b5760025481810180911161068757600255815f525f60205260405f20818154019055815f7fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef6020604051858152a3815f52600860205260ff60405f20541661062f578280f35b813b15610683575f91604483926040519485938492634e82a39160e01b845282600485015260248401525af180156106785761066a57808280f35b61067691505f9061094e565b005b6040513d5f823e3d90fd5b5f80fd5b634e487b7160e01b5f52601160045260245ffd5b63ec442f0560e01b5f525f60045260245ffd5b34610683575f3660031901126106835760206106c8610a8b565b604051908152f35b34610683575f36600319011261068357602060405160128152f35b3461068357606036600319011261068357610704610922565b61070c610938565b6001600160a01b0382165f818152600160209081526040808320338452909152902054909260443592915f19811061074a575b506102d69350610984565b8381106107af57841561079c573315610789576102d6945f52600160205260405f2060018060a01b0333165f526020528360405f20910390558461073f565b634a1406b160e11b5f525f60045260245ffd5b63e602df0560e01b5f525f60045260245ffd5b8390637dc7a0d960e11b5f523360045260245260445260645ffd5b34610683575f366003190112610683576020600254604051908152f35b34610683576040366003190112610683576102d6610803610922565b6024359033610ba7565b34610683575f366003190112610683575f6003548060011c906001811680156108f4575b6020831081146108e0578285529081156108bc575060011461085e575b61034c836103388185038261094e565b91905060035f527fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b915f905b8082106108a25750909150810160200161033861084e565b91926001816020925483858801015201910190929161088a565b60ff191660208086019190915291151560051b84019091019150610338905061084e565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610831565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b600435906001600160a01b038216820361068357565b602435906001600160a01b038216820361068357565b90601f8019910116810190811067ffffffffffffffff82111761097057604052565b634e487b7160e01b5f52604160045260245ffd5b6001600160a01b0316908115610a78576001600160a01b031691821561069b57815f525f60205260405f2054818110610a5f578190835f525f6020520360405f2055825f525f60205260405f2081815401905582827fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef6020604051858152a3825f52600860205260ff60405f205416610a1c57505050565b823b156106835760445f92836040519586948593634e82a39160e01b8552600485015260248401525af1801561067857610a535750565b5f610a5d9161094e565b565b8263391434e360e21b5f5260045260245260445260645ffd5b634b637e8f60e11b5f525f60045260245ffd5b307f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03161480610b7e575b15610ae6577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a08152610b7860c08261094e565b51902090565b507f00000000000000000000000000000000000000000000000000000000000000004614610abd565b6001600160a01b031690811561079c576001600160a01b03169182156107895760207f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92591835f526001825260405f20855f5282528060405f2055604051908152a3565b60ff811690601f8211610c395760405191610c2660408461094e565b6020808452838101919036833783525290565b632cd44ac360e21b5f5260045ffd5b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411610cbf579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa15610678575f516001600160a01b03811615610cb557905f905f90565b505f906001905f90565b5050505f9160039190565b6004811015610d2a5780610cdc575050565b60018103610cf35763f645eedf60e01b5f5260045ffd5b60028103610d0e575063fce698f760e01b5f5260045260245ffd5b600314610d185750565b6335e2f38360e21b5f5260045260245ffd5b634e487b7160e01b5f52602160045260245ffdfea164736f6c6343000825000a",
}

// HostileToken is an auto generated Go binding around an Ethereum contract.
type HostileToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *HostileToken) GetABI() abi.ABI {
	return c.abi
}

// NewHostileToken creates a new instance of HostileToken.
func NewHostileToken() *HostileToken {
	parsed, err := HostileTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &HostileToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *HostileToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (hostileToken *HostileToken) PackDOMAINSEPARATOR() []byte {
	enc, err := hostileToken.abi.Pack("DOMAIN_SEPARATOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (hostileToken *HostileToken) TryPackDOMAINSEPARATOR() ([]byte, error) {
	return hostileToken.abi.Pack("DOMAIN_SEPARATOR")
}

// UnpackDOMAINSEPARATOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (hostileToken *HostileToken) UnpackDOMAINSEPARATOR(data []byte) ([32]byte, error) {
	out, err := hostileToken.abi.Unpack("DOMAIN_SEPARATOR", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (hostileToken *HostileToken) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := hostileToken.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (hostileToken *HostileToken) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return hostileToken.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (hostileToken *HostileToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := hostileToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (hostileToken *HostileToken) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := hostileToken.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (hostileToken *HostileToken) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return hostileToken.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (hostileToken *HostileToken) UnpackApprove(data []byte) (bool, error) {
	out, err := hostileToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (hostileToken *HostileToken) PackBalanceOf(account common.Address) []byte {
	enc, err := hostileToken.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (hostileToken *HostileToken) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return hostileToken.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (hostileToken *HostileToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := hostileToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (hostileToken *HostileToken) PackDecimals() []byte {
	enc, err := hostileToken.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (hostileToken *HostileToken) TryPackDecimals() ([]byte, error) {
	return hostileToken.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (hostileToken *HostileToken) UnpackDecimals(data []byte) (uint8, error) {
	out, err := hostileToken.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (hostileToken *HostileToken) PackEip712Domain() []byte {
	enc, err := hostileToken.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (hostileToken *HostileToken) TryPackEip712Domain() ([]byte, error) {
	return hostileToken.abi.Pack("eip712Domain")
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (hostileToken *HostileToken) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := hostileToken.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackHooked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c46092c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hooked(address ) view returns(bool)
func (hostileToken *HostileToken) PackHooked(arg0 common.Address) []byte {
	enc, err := hostileToken.abi.Pack("hooked", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHooked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c46092c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hooked(address ) view returns(bool)
func (hostileToken *HostileToken) TryPackHooked(arg0 common.Address) ([]byte, error) {
	return hostileToken.abi.Pack("hooked", arg0)
}

// UnpackHooked is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8c46092c.
//
// Solidity: function hooked(address ) view returns(bool)
func (hostileToken *HostileToken) UnpackHooked(data []byte) (bool, error) {
	out, err := hostileToken.abi.Unpack("hooked", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (hostileToken *HostileToken) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := hostileToken.abi.Pack("mint", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (hostileToken *HostileToken) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return hostileToken.abi.Pack("mint", to, amount)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (hostileToken *HostileToken) PackName() []byte {
	enc, err := hostileToken.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (hostileToken *HostileToken) TryPackName() ([]byte, error) {
	return hostileToken.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (hostileToken *HostileToken) UnpackName(data []byte) (string, error) {
	out, err := hostileToken.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (hostileToken *HostileToken) PackNonces(owner common.Address) []byte {
	enc, err := hostileToken.abi.Pack("nonces", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (hostileToken *HostileToken) TryPackNonces(owner common.Address) ([]byte, error) {
	return hostileToken.abi.Pack("nonces", owner)
}

// UnpackNonces is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (hostileToken *HostileToken) UnpackNonces(data []byte) (*big.Int, error) {
	out, err := hostileToken.abi.Unpack("nonces", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (hostileToken *HostileToken) PackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := hostileToken.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (hostileToken *HostileToken) TryPackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return hostileToken.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
}

// PackSetHooked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe41ae5e5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setHooked(bool on) returns()
func (hostileToken *HostileToken) PackSetHooked(on bool) []byte {
	enc, err := hostileToken.abi.Pack("setHooked", on)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetHooked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe41ae5e5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setHooked(bool on) returns()
func (hostileToken *HostileToken) TryPackSetHooked(on bool) ([]byte, error) {
	return hostileToken.abi.Pack("setHooked", on)
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (hostileToken *HostileToken) PackSymbol() []byte {
	enc, err := hostileToken.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (hostileToken *HostileToken) TryPackSymbol() ([]byte, error) {
	return hostileToken.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (hostileToken *HostileToken) UnpackSymbol(data []byte) (string, error) {
	out, err := hostileToken.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (hostileToken *HostileToken) PackTotalSupply() []byte {
	enc, err := hostileToken.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (hostileToken *HostileToken) TryPackTotalSupply() ([]byte, error) {
	return hostileToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (hostileToken *HostileToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := hostileToken.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (hostileToken *HostileToken) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := hostileToken.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (hostileToken *HostileToken) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return hostileToken.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (hostileToken *HostileToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := hostileToken.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (hostileToken *HostileToken) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := hostileToken.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (hostileToken *HostileToken) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return hostileToken.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (hostileToken *HostileToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := hostileToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// HostileTokenApproval represents a Approval event raised by the HostileToken contract.
type HostileTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const HostileTokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (HostileTokenApproval) ContractEventName() string {
	return HostileTokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (hostileToken *HostileToken) UnpackApprovalEvent(log *types.Log) (*HostileTokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != hostileToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HostileTokenApproval)
	if len(log.Data) > 0 {
		if err := hostileToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range hostileToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HostileTokenEIP712DomainChanged represents a EIP712DomainChanged event raised by the HostileToken contract.
type HostileTokenEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const HostileTokenEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (HostileTokenEIP712DomainChanged) ContractEventName() string {
	return HostileTokenEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (hostileToken *HostileToken) UnpackEIP712DomainChangedEvent(log *types.Log) (*HostileTokenEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != hostileToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HostileTokenEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := hostileToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range hostileToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// HostileTokenTransfer represents a Transfer event raised by the HostileToken contract.
type HostileTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const HostileTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (HostileTokenTransfer) ContractEventName() string {
	return HostileTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (hostileToken *HostileToken) UnpackTransferEvent(log *types.Log) (*HostileTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != hostileToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(HostileTokenTransfer)
	if len(log.Data) > 0 {
		if err := hostileToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range hostileToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (hostileToken *HostileToken) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ECDSAInvalidSignature"].ID.Bytes()[:4]) {
		return hostileToken.UnpackECDSAInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ECDSAInvalidSignatureLength"].ID.Bytes()[:4]) {
		return hostileToken.UnpackECDSAInvalidSignatureLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ECDSAInvalidSignatureS"].ID.Bytes()[:4]) {
		return hostileToken.UnpackECDSAInvalidSignatureSError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC20InvalidSpenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC2612ExpiredSignature"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC2612ExpiredSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["ERC2612InvalidSigner"].ID.Bytes()[:4]) {
		return hostileToken.UnpackERC2612InvalidSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["InvalidAccountNonce"].ID.Bytes()[:4]) {
		return hostileToken.UnpackInvalidAccountNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return hostileToken.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], hostileToken.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return hostileToken.UnpackStringTooLongError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// HostileTokenECDSAInvalidSignature represents a ECDSAInvalidSignature error raised by the HostileToken contract.
type HostileTokenECDSAInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignature()
func HostileTokenECDSAInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xf645eedf0193584640b6b90cb9477e4c95b98636c148a891d4c0a146dc46e75a")
}

// UnpackECDSAInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignature()
func (hostileToken *HostileToken) UnpackECDSAInvalidSignatureError(raw []byte) (*HostileTokenECDSAInvalidSignature, error) {
	out := new(HostileTokenECDSAInvalidSignature)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ECDSAInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenECDSAInvalidSignatureLength represents a ECDSAInvalidSignatureLength error raised by the HostileToken contract.
type HostileTokenECDSAInvalidSignatureLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func HostileTokenECDSAInvalidSignatureLengthErrorID() common.Hash {
	return common.HexToHash("0xfce698f7e8e5342cd615f641317bc45fe7e1e4a8b0a14dd1383ff8dc9c41917f")
}

// UnpackECDSAInvalidSignatureLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func (hostileToken *HostileToken) UnpackECDSAInvalidSignatureLengthError(raw []byte) (*HostileTokenECDSAInvalidSignatureLength, error) {
	out := new(HostileTokenECDSAInvalidSignatureLength)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenECDSAInvalidSignatureS represents a ECDSAInvalidSignatureS error raised by the HostileToken contract.
type HostileTokenECDSAInvalidSignatureS struct {
	S [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func HostileTokenECDSAInvalidSignatureSErrorID() common.Hash {
	return common.HexToHash("0xd78bce0cccb935155ed6428d1c13e50b7f3550fd2b66b9fe266006fea4a5e1eb")
}

// UnpackECDSAInvalidSignatureSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func (hostileToken *HostileToken) UnpackECDSAInvalidSignatureSError(raw []byte) (*HostileTokenECDSAInvalidSignatureS, error) {
	out := new(HostileTokenECDSAInvalidSignatureS)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the HostileToken contract.
type HostileTokenERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func HostileTokenERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (hostileToken *HostileToken) UnpackERC20InsufficientAllowanceError(raw []byte) (*HostileTokenERC20InsufficientAllowance, error) {
	out := new(HostileTokenERC20InsufficientAllowance)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the HostileToken contract.
type HostileTokenERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func HostileTokenERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (hostileToken *HostileToken) UnpackERC20InsufficientBalanceError(raw []byte) (*HostileTokenERC20InsufficientBalance, error) {
	out := new(HostileTokenERC20InsufficientBalance)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC20InvalidApprover represents a ERC20InvalidApprover error raised by the HostileToken contract.
type HostileTokenERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func HostileTokenERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (hostileToken *HostileToken) UnpackERC20InvalidApproverError(raw []byte) (*HostileTokenERC20InvalidApprover, error) {
	out := new(HostileTokenERC20InvalidApprover)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the HostileToken contract.
type HostileTokenERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func HostileTokenERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (hostileToken *HostileToken) UnpackERC20InvalidReceiverError(raw []byte) (*HostileTokenERC20InvalidReceiver, error) {
	out := new(HostileTokenERC20InvalidReceiver)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC20InvalidSender represents a ERC20InvalidSender error raised by the HostileToken contract.
type HostileTokenERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func HostileTokenERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (hostileToken *HostileToken) UnpackERC20InvalidSenderError(raw []byte) (*HostileTokenERC20InvalidSender, error) {
	out := new(HostileTokenERC20InvalidSender)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC20InvalidSpender represents a ERC20InvalidSpender error raised by the HostileToken contract.
type HostileTokenERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func HostileTokenERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (hostileToken *HostileToken) UnpackERC20InvalidSpenderError(raw []byte) (*HostileTokenERC20InvalidSpender, error) {
	out := new(HostileTokenERC20InvalidSpender)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC2612ExpiredSignature represents a ERC2612ExpiredSignature error raised by the HostileToken contract.
type HostileTokenERC2612ExpiredSignature struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func HostileTokenERC2612ExpiredSignatureErrorID() common.Hash {
	return common.HexToHash("0x627913023c184eaad13735d5a3d2657ae76ec9a872a70e0fc57522ef1a114d58")
}

// UnpackERC2612ExpiredSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func (hostileToken *HostileToken) UnpackERC2612ExpiredSignatureError(raw []byte) (*HostileTokenERC2612ExpiredSignature, error) {
	out := new(HostileTokenERC2612ExpiredSignature)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC2612ExpiredSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenERC2612InvalidSigner represents a ERC2612InvalidSigner error raised by the HostileToken contract.
type HostileTokenERC2612InvalidSigner struct {
	Signer common.Address
	Owner  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func HostileTokenERC2612InvalidSignerErrorID() common.Hash {
	return common.HexToHash("0x4b800e463b323b1d856edf9dec70329a639d13874a57f5c28219ff57128756db")
}

// UnpackERC2612InvalidSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func (hostileToken *HostileToken) UnpackERC2612InvalidSignerError(raw []byte) (*HostileTokenERC2612InvalidSigner, error) {
	out := new(HostileTokenERC2612InvalidSigner)
	if err := hostileToken.abi.UnpackIntoInterface(out, "ERC2612InvalidSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenInvalidAccountNonce represents a InvalidAccountNonce error raised by the HostileToken contract.
type HostileTokenInvalidAccountNonce struct {
	Account      common.Address
	CurrentNonce *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func HostileTokenInvalidAccountNonceErrorID() common.Hash {
	return common.HexToHash("0x752d88c0de02638abf10e8e31861e4c68dc1f3a1e7d840e580683f2c282bfc7a")
}

// UnpackInvalidAccountNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func (hostileToken *HostileToken) UnpackInvalidAccountNonceError(raw []byte) (*HostileTokenInvalidAccountNonce, error) {
	out := new(HostileTokenInvalidAccountNonce)
	if err := hostileToken.abi.UnpackIntoInterface(out, "InvalidAccountNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenInvalidShortString represents a InvalidShortString error raised by the HostileToken contract.
type HostileTokenInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func HostileTokenInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (hostileToken *HostileToken) UnpackInvalidShortStringError(raw []byte) (*HostileTokenInvalidShortString, error) {
	out := new(HostileTokenInvalidShortString)
	if err := hostileToken.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// HostileTokenStringTooLong represents a StringTooLong error raised by the HostileToken contract.
type HostileTokenStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func HostileTokenStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (hostileToken *HostileToken) UnpackStringTooLongError(raw []byte) (*HostileTokenStringTooLong, error) {
	out := new(HostileTokenStringTooLong)
	if err := hostileToken.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketMetaData contains all meta data concerning the JobMarket contract.
var JobMarketMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"contractIProviderRegistry\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"treasury_\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"uint96\",\"name\":\"minCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"challengerRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"verifierRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"verifiers\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"minChallengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteCommitWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"replicaRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint96\",\"name\":\"challengeBond\",\"type\":\"uint96\"},{\"internalType\":\"uint96\",\"name\":\"verifierCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint32\",\"name\":\"minCollateralBps\",\"type\":\"uint32\"}],\"internalType\":\"structJobMarket.Params\",\"name\":\"params_\",\"type\":\"tuple\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AlreadyCommitted\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"AlreadyDrawn\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"AlreadyReplica\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"AlreadyRevealed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadCid\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"field\",\"type\":\"bytes32\"}],\"name\":\"BadParams\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"field\",\"type\":\"bytes32\"}],\"name\":\"BadRequest\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"collateral\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minimum\",\"type\":\"uint256\"}],\"name\":\"CollateralBelowRatio\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"CommitmentMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"JobFull\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"held\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"owed\",\"type\":\"uint256\"}],\"name\":\"NoSurplus\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"NotAppealable\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotCommitted\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotDrawn\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPanelMember\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotProvider\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"}],\"name\":\"PanelNotReady\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"SelfChallenge\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"StaleJobRecord\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"time\",\"type\":\"uint256\"}],\"name\":\"TooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"time\",\"type\":\"uint256\"}],\"name\":\"TooLate\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"UnknownJob\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"WrongReplicaMode\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"WrongStatus\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"appellant\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"anchorBlock\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"enumJobMarket.Outcome\",\"name\":\"firstOutcome\",\"type\":\"uint8\"}],\"name\":\"AppealOpened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"anchorBlock\",\"type\":\"uint64\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"indexed\":false,\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"ChallengeOpened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"enumJobMarket.Outcome\",\"name\":\"outcome\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"agree\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"disagree\",\"type\":\"uint8\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"indexed\":false,\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"ChallengeResolved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"enumJobMarket.SlashReason\",\"name\":\"reason\",\"type\":\"uint8\"}],\"name\":\"CollateralSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Credited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"anchorBlock\",\"type\":\"uint64\"}],\"name\":\"DrawReanchored\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"treasury\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"FeesWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"kept\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"slashed\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"share\",\"type\":\"uint256\"}],\"name\":\"FirstPanelJudged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"indexed\":false,\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"JobAccepted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"paid\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"}],\"name\":\"JobFinalized\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"indexed\":false,\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"JobPosted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"refund\",\"type\":\"uint256\"}],\"name\":\"JobReclaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"refund\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"slashed\",\"type\":\"uint256\"}],\"name\":\"JobTimedOut\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"index\",\"type\":\"uint8\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"commitment\",\"type\":\"bytes32\"}],\"name\":\"PanelCommitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"index\",\"type\":\"uint8\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"}],\"name\":\"PanelRevealed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"components\":[{\"internalType\":\"uint96\",\"name\":\"minCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"challengerRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"verifierRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"verifiers\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"minChallengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteCommitWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"replicaRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint96\",\"name\":\"challengeBond\",\"type\":\"uint96\"},{\"internalType\":\"uint96\",\"name\":\"verifierCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint32\",\"name\":\"minCollateralBps\",\"type\":\"uint32\"}],\"indexed\":false,\"internalType\":\"structJobMarket.Params\",\"name\":\"params\",\"type\":\"tuple\"}],\"name\":\"ParamsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"index\",\"type\":\"uint8\"}],\"name\":\"ReplicaAccepted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"collateral\",\"type\":\"uint256\"}],\"name\":\"ReplicaVindicated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"agreed\",\"type\":\"bool\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"indexed\":false,\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"ReplicasResolved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"indexed\":false,\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"ResultCommitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"SurplusSwept\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TreasuryCredited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"treasury\",\"type\":\"address\"}],\"name\":\"TreasurySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"verifiers\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"commitBy\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"revealBy\",\"type\":\"uint64\"}],\"name\":\"VerifiersDrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"APPEAL_VERIFIERS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DRAW_ATTEMPTS_PER_SEAT\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_BATCH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_CID_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_COLLATERAL_BPS\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_FEE_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_JOB_SPAN\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_REPLICAS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_VERIFIERS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_WINDOW\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_WINDOW\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"REPLICAS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VERIFIERS\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"acceptJob\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"appeal\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"paramsId_\",\"type\":\"uint32\"}],\"name\":\"appealBond\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"appealInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"appellant\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"round\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balances\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"challenge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"challengeInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"challenger\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"bond\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"anchorBlock\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"claimTimeout\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"index\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"commitment\",\"type\":\"bytes32\"}],\"name\":\"commitReplica\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"}],\"name\":\"commitResult\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"index\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"commitment\",\"type\":\"bytes32\"}],\"name\":\"commitVote\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"resultHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"commitmentFor\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"drawVerifiers\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"finalize\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job[]\",\"name\":\"jobs\",\"type\":\"tuple[]\"}],\"name\":\"finalizeBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"getMember\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"commitment\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"}],\"internalType\":\"structJobMarket.Member\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"}],\"name\":\"getPanel\",\"outputs\":[{\"components\":[{\"internalType\":\"uint8\",\"name\":\"target\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"size\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"committed\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"revealed\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"closed\",\"type\":\"bool\"},{\"internalType\":\"uint64\",\"name\":\"commitBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"revealBy\",\"type\":\"uint64\"}],\"internalType\":\"structJobMarket.Panel\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"hashJob\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"jobCount\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"jobHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"payment\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"}],\"name\":\"minCollateralFor\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owed\",\"outputs\":[{\"internalType\":\"uint160\",\"name\":\"\",\"type\":\"uint160\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"id\",\"type\":\"uint32\"}],\"name\":\"params\",\"outputs\":[{\"components\":[{\"internalType\":\"uint96\",\"name\":\"minCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"challengerRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"verifierRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"verifiers\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"minChallengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteCommitWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"replicaRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint96\",\"name\":\"challengeBond\",\"type\":\"uint96\"},{\"internalType\":\"uint96\",\"name\":\"verifierCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint32\",\"name\":\"minCollateralBps\",\"type\":\"uint32\"}],\"internalType\":\"structJobMarket.Params\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paramsId\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"}],\"internalType\":\"structJobMarket.JobRequest\",\"name\":\"req\",\"type\":\"tuple\"}],\"name\":\"postJob\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"}],\"internalType\":\"structJobMarket.JobRequest\",\"name\":\"req\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structJobMarket.Permit\",\"name\":\"permit\",\"type\":\"tuple\"}],\"name\":\"postJobWithPermit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"reclaim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractIProviderRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"resolveChallenge\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"client\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"payment\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"collateral\",\"type\":\"uint96\"},{\"internalType\":\"bytes32\",\"name\":\"specHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"result\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"acceptBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"resultBy\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"committedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"challengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"paramsId\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"replicas\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"winners\",\"type\":\"uint8\"},{\"internalType\":\"enumJobMarket.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structJobMarket.Job\",\"name\":\"job\",\"type\":\"tuple\"}],\"name\":\"resolveReplicas\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"index\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"revealReplica\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"index\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"}],\"name\":\"revealVote\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint96\",\"name\":\"minCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint16\",\"name\":\"feeBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"challengerRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"verifierRewardBps\",\"type\":\"uint16\"},{\"internalType\":\"uint8\",\"name\":\"verifiers\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"minChallengeWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteCommitWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"voteRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"replicaRevealWindow\",\"type\":\"uint32\"},{\"internalType\":\"uint96\",\"name\":\"challengeBond\",\"type\":\"uint96\"},{\"internalType\":\"uint96\",\"name\":\"verifierCollateral\",\"type\":\"uint96\"},{\"internalType\":\"uint32\",\"name\":\"minCollateralBps\",\"type\":\"uint32\"}],\"internalType\":\"structJobMarket.Params\",\"name\":\"params_\",\"type\":\"tuple\"}],\"name\":\"setParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"treasury_\",\"type\":\"address\"}],\"name\":\"setTreasury\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"sweepSurplus\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"treasury\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"treasuryAccrued\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawFees\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "6b1669be1c13ad1db45e7bcfc786c15632",
	Bin: "0x60c060405234610847576040516168b838819003601f8101601f191683016001600160401b0381118482101761084b57839282916040528339810103906102008212610847578051916001600160a01b03831683036108475760208201516001600160a01b0381168103610847576100796040840161085f565b936101806100896060860161085f565b93607f190112610847576040519361018085016001600160401b0381118682101761084b576040526100bd60808201610873565b85526100cb60a08201610887565b60208601526100dc60c08201610887565b60408601526100ed60e08201610887565b606086015261010081015160ff8116810361084757610184916101e091608088015261011c6101208201610896565b60a088015261012e6101408201610896565b60c08801526101406101608201610896565b60e08801526101526101808201610896565b6101008801526101656101a08201610873565b6101208801526101786101c08201610873565b61014088015201610896565b6101608501526001600160a01b0385161561083457600180546001600160a01b03199081169091555f80546001600160a01b03978816928116831782556040519716907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a36001600160a01b038116158015610823575b8015610812575b6108035760805260a052600380546001600160a01b0319166001600160a01b039290921691821790557f3c864541ef71378c6229510ed90f376565ee42d9c5e0904a984a9e863e6db44f5f80a26103e861ffff602083015116116107e55761ffff60408201511661ffff606083015116810180911161062f57612710106107c457608081015160ff81169081159182156107b9575b5081156107ad575b5061078c576102b963ffffffff60a0830151166108a7565b15610762576102d163ffffffff60c0830151166108a7565b1561073a576102e963ffffffff60e0830151166108a7565b156107125761030263ffffffff610100830151166108a7565b156106df576101208101516001600160601b0316156106ba576101408101516001600160601b0316156106905780516001600160601b03161561066b57620186a063ffffffff61016083015116116106435760025460018160e01c019263ffffffff841161062f5763ffffffff6101607f90882da58d50682e26ca5b2414566a48f38ef6940c37c73a9d7b57dfb3340a499461018094838816978460e01b9060e01b169060018060e01b031617600255865f52600760205260405f206001808060601b038351169180546dffff000000000000000000000000602086015160601b1661ffff60701b604087015160701b169061ffff60801b606088015160801b169160ff60901b608089015160901b168a60981b60a08a015160981b16928b60b81b60c08b015160b81b16948c60d81b60e08c015160d81b16968d60d81b19948b8f60b81b199463ffffffff60981b199360ff60901b199261ffff60801b19918f8060801b031916171617161716171617161717178155018461010084015116815490640100000000600160801b0361012086015160201b1690600160801b600160e01b0361014087015160801b16928860e01b161717178155838301518154908660e01b908760e01b9060e01b16169060018060e01b0316179055845261ffff602082015116602085015261ffff604082015116604085015261ffff606082015116606085015260ff60808201511660808501528260a08201511660a08501528260c08201511660c08501528260e08201511660e0850152826101008201511661010085015260018060601b036101208201511661012085015260018060601b0361014082015116610140850152015116610160820152a2604051615ff090816108c882396080518181816102b1015281816109830152818161160e0152818161248401528181612962015281816135bb0152818161388d01526138ef015260a05181818161114c01528181611c6401528181611dfd015281816126a60152818161286101528181612de601528181613b8e01528181614701015281816147e301528181614ab601528181614b0b01528181614e2201528181615004015281816157450152615e0a0152f35b634e487b7160e01b5f52601160045260245ffd5b639e321b1360e01b5f9081526f6d696e436f6c6c61746572616c42707360801b600452602490fd5b639e321b1360e01b5f9081526c1b5a5b90dbdb1b185d195c985b609a1b600452602490fd5b639e321b1360e01b5f908152711d995c9a599a595c90dbdb1b185d195c985b60721b600452602490fd5b639e321b1360e01b5f9081526c18da185b1b195b99d9509bdb99609a1b600452602490fd5b639e321b1360e01b5f527f7265706c69636152657665616c57696e646f770000000000000000000000000060045260245ffd5b639e321b1360e01b5f9081526f766f746552657665616c57696e646f7760801b600452602490fd5b639e321b1360e01b5f9081526f766f7465436f6d6d697457696e646f7760801b600452602490fd5b639e321b1360e01b5f908152716d696e4368616c6c656e676557696e646f7760701b600452602490fd5b639e321b1360e01b5f9081526876657269666965727360b81b600452602490fd5b6001915016155f6102a1565b600f1091505f610299565b639e321b1360e01b5f9081526872657761726442707360b81b600452602490fd5b639e321b1360e01b5f9081526566656542707360d01b600452602490fd5b63d92e233d60e01b5f5260045ffd5b506001600160a01b03831615610204565b506001600160a01b038216156101fd565b631e4fbdf760e01b5f525f60045260245ffd5b5f80fd5b634e487b7160e01b5f52604160045260245ffd5b51906001600160a01b038216820361084757565b51906001600160601b038216820361084757565b519061ffff8216820361084757565b519063ffffffff8216820361084757565b63ffffffff16600481101590816108bc575090565b62278d00915011159056fe6080806040526004361015610012575f80fd5b5f905f3560e01c9081630525837614613f0957508063202f1e1b14613da35780632730098d14613c6c57806327e235e314613c345780632920596114613ab05780632a615ffc146139565780633366eb6e146139135780633b5ad343146138b15780633ccfd60b146137f357806340136a731461368d5780634316ec51146135ee578063476343ee1461352c57806349df26fe146135105780634c5d8a0f146134e657806352b65c4b146106a9578063560abae414612f505780635920efc414612f0e5780635b766a7214612ce5578063603e2d5b14612cbb57806361d027b314612c925780636216b92214612ac457806366b1749514612aa85780636b8b444e14610bef578063715018a614612a435780637925492014612931578063792f8b5b1461291557806379ba5097146128905780637b1039991461284b57806380a5877c146125e7578063855bd22d1461244f57806386ac6c4c146120ab57806388802a411461207c5780638b293d2e1461202c5780638da5cb5b1461200557806391cbf1c614611895578063950bff9f14611879578063a82da60d1461185d578063acf9fdfc146116c5578063b1894a23146113c5578063b727c897146113a4578063b7d6e86714611386578063bdc7930c14610ed8578063c87d677914610eaf578063c977005814610e93578063cc27900914610e75578063cf2a01b014610c2a578063d55be8c614610c0d578063deb9663414610bef578063e118f90e14610bc3578063e30c397814610b9a578063e3f949ae146106c5578063e9819d3a146106a9578063ea95bb1b1461060f578063f0f4426014610596578063f2fde38b14610529578063f5732568146103e7578063f6866b91146102e35763fc0c546a1461029c575f80fd5b346102e057806003193601126102e0576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b80fd5b50346102e05760403660031901126102e057604060e09160ff610304614071565b8260c0855161031281613f52565b82815282602082015282878201528260608201528260808201528260a082015201521660043560011b1781526008602052206001600160401b036040519161035983613f52565b548160ff8216938481526020810160ff8460081c16815260ff60408301818660101c168152816060850191818860181c168352816080870195818a60201c16151587528860c060a08a0199828d60281c168b52019a60681c168a526040519b8c52511660208b015251166040890152511660608701525115156080860152511660a0840152511660c0820152f35b50346102e05760203660031901126102e05760406105259163ffffffff61040c61404d565b82610160855161041b81613f22565b82815282602082015282878201528260608201528260808201528260a08201528260c08201528260e0820152826101008201528261012082015282610140820152015216815260076020522060016040519161047683613f22565b63ffffffff81546001600160601b038116855261ffff8160601c16602086015261ffff8160701c16604086015261ffff8160801c16606086015260ff8160901c166080860152818160981c1660a0860152818160b81c1660c086015260d81c1660e0840152015463ffffffff81166101008301526001600160601b038160201c166101208301526001600160601b038160801c1661014083015260e01c6101608201526040519182918261428e565b0390f35b50346102e05760203660031901126102e057610543613ffb565b61054b615703565b600180546001600160a01b0319166001600160a01b0392831690811790915582549091167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227008380a380f35b50346102e05760203660031901126102e0576105b0613ffb565b6105b8615703565b6001600160a01b0316801561060057600380546001600160a01b031916821790557f3c864541ef71378c6229510ed90f376565ee42d9c5e0904a984a9e863e6db44f8280a280f35b63d92e233d60e01b8252600482fd5b50346102e05760603660031901126102e057604060609160ff610630614071565b8284805161063d81613fa3565b82815282602082015201521660043560011b178152600960205281812060443582526020522060405161066f81613fa3565b60018060a01b0382541691828252604060026001830154926020850193845201549201918252604051928352516020830152516040820152f35b50346102e057806003193601126102e057602060405160048152f35b50346102e0576102003660031901126102e057600435906106e53661408f565b916106ee614ccf565b6106f88382614d76565b808252600a6020526040822090600182019060ff825460401c16610b8857600181811b1792838552600860205260408520906040519161073783613f52565b5460ff81168352602083019260ff8260081c16845260ff8260101c166040820152606081019060ff8360181c16825260ff8360201c16151560808201526001600160401b0360c0818560281c16928360a0820152019360681c16835215610b795760ff90511660ff8451161180610b65575b610b49576001600160401b03905116916107e561014089019363ffffffff8551168952600760205263ffffffff60408a205460d81c16906144cb565b804211610b37575060ff9051169060a088019061081a6108118461080b8551828c6157f8565b9061586c565b99339087615b97565b909160038b1015610b235760018b03610afd575081610af2575b505b15610ade57858752600860205286604081205561085963ffffffff845116614c86565b9560014301804311610aca578654600160401b600160e81b0319163360481b600160481b600160e81b031617680100000000000000001787556001600160401b0316956108d4908490805467ffffffffffffffff60ff60e81b0119166001600160401b038a161760e89290921b60ff60e81b16919091179055565b6002546001600160a01b036108ed898216828416614c50565b16906001600160601b0360a01b161760025563ffffffff88945116885260076020526001600160601b03600160408a20015460801c1691885b8481106109ba5750505050506109a794956109436109599261516f565b6040519385855260208501526040840190614c43565b7ff6143c4193418ae2ebc019a02da4e62b540261df04ad259c9af62eb3c5aa9d9660603393a330337f00000000000000000000000000000000000000000000000000000000000000006155e4565b805f516020615fc45f395f51905f525d80f35b828a52600960205260408a20818b5260205260408a208a5f600260408160018060a01b038654169501549388815260096020528181208782526020522082815582600182015501558b898215155f14610a89575050906001929184511460405191610a2483613f6d565b825260208201908152898d52600b6020528c8360408220915260205260408d2091848060a01b0390858060a01b03905116166001600160601b0360a01b83541617825551151581549060ff60a01b9060a01b169060ff60a01b19161790555b01610926565b610ac592509280600195945f516020615fa45f395f51905f526040610ab08c80979f6144cb565b9d8151908782525060046020820152a3614df5565b610a83565b634e487b7160e01b89526011600452602489fd5b6379f1e62760e01b87526004849052602487fd5b90508151145f610834565b91505088159081610b0f575b50610836565b546001600160a01b0316331490505f610b09565b634e487b7160e01b8a52602160045260248afd5b63348f2b4160e11b8852600452602487fd5b51630a8d68c960e21b87526001600160401b0316600452602486fd5b506001600160401b038151164211156107a9565b6361ee4f6b60e11b8852600488fd5b6379f1e62760e01b8452600452602483fd5b50346102e057806003193601126102e0576001546040516001600160a01b039091168152602090f35b50346102e05760203660031901126102e0576020610be7610be261404d565b614c86565b604051908152f35b50346102e057806003193601126102e057602060405162278d008152f35b50346102e057806003193601126102e05760206040516103e88152f35b50346102e057610c3936614233565b9493919092610c46614ccf565b8260011b80865260086020526040862090815460ff8160201c168015610e67575b8015610e55575b8015610e42575b610e2b5760ff8160081c1660ff8260101c161080610e15575b610df7576001600160401b039060681c16804211610b3757508652600960205260ff60408720921691828752602052604086209660018060a01b038854163303610de4576001880154978815610dd557600201978854610dc65786158015610dbc575b610dad57610d14610d03368988614348565b602081519101209283338b8a61450f565b03610d9e577ff82544e34279a5374dadecf73e2e63aa02a2093dc1b0ee24f3c3113cacf306b49495969755805463ff000000610d5560ff8360181c166145ba565b60181b169063ff0000001916179055610d886040519283928884526020840152606060408401523396606084019161438d565b0390a3805f516020615fc45f395f51905f525d80f35b635054097b60e01b8752600487fd5b63329c672560e21b8852600488fd5b5060808711610cf1565b63a89ac15160e01b8852600488fd5b63205e472d60e21b8852600488fd5b6339cf113760e01b875233600452602487fd5b630a8d68c960e21b885260281c6001600160401b0316600452602487fd5b506001600160401b038160281c16421115610c8e565b60448887638175014f60e01b825260045280602452fd5b5060ff8160081c1660ff85161015610c75565b5060ff811660ff8260081c1610610c6e565b5060ff8160081c1615610c67565b50346102e057806003193601126102e0576020600454604051908152f35b50346102e057806003193601126102e057602060405160298152f35b50346102e057806003193601126102e0576002546040516001600160a01b039091168152602090f35b50346102e0576102003660031901126102e057600435610ef73661408f565b610eff614ccf565b610f098183614d50565b600160ff6101808301511614611372578160011b9081845260086020526040842091825460ff8116908160ff8260081c16108015611365575b61134e578160ff8260181c161080611338575b61131a5750859182610f6683614277565b610f736040519182613fda565b838152601f19610f8285614277565b01366020830137885b8481106112ec5750885b8481106112655750508360011b84810460021485151715610aca57831095861561124257805464ff00000000191664010000000017905560a085015260ff83166101a0850152426001600160401b031661010085015260036101c08501526101e08420868852600560205260408820555b8415611229579086906001600160601b03825b1692861590835b8381106110a357848a7fca288640796bc5dc600c241601c32130de373e381ee16546888159174f4deda36102208c6110868d8d6110668e60018060a01b03845116614d9d565b831561109a5760ff905b60405194855216602084015260408301906143cf565ba2805f516020615fc45f395f51905f525d80f35b5060ff87611070565b909192939482865260096020526040862082875260205260408620908a89600260018060a01b038554169401548c80611220575b61121257876111e9575b61114057611135928460019695935f516020615fa45f395f51905f52604061111960606001600160601b0397019587875116906144cb565b9d868651169082519182525060026020820152a3511690614df5565b019089939291611020565b505060608901519096917f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316916001600160601b0316823b156111e5576111a892849283604051809681958294637eee288d60e01b8452600484016144ec565b03925af180156111da576111c1575b5050600190611135565b816111cb91613fda565b6111d657895f6111b7565b8980fd5b6040513d84823e3d90fd5b8380fd5b868a52600960205260408a20868b526020525f600260408c2082815582600182015501556110e1565b505050955050600190611135565b508015156110d7565b6001600160601b03806020860151169088929391611019565b505080875260086020528660408120558587526005602052866040812055611006565b61126f81836145d9565b51156112e457898a5b8681106112ac5750868111611293575b506001905b01610f95565b9250945060016112a386836145d9565b51929590611288565b6112b681856145d9565b516112c184866145d9565b51146112d0575b600101611278565b906112dc6001916157ea565b9190506112c8565b60019061128d565b600190848b52600960205260408b20818c52602052600260408c20015461131382856145d9565b5201610f8b565b630a8d68c960e21b875260681c6001600160401b0316600452602486fd5b506001600160401b038160681c16421115610f55565b60448787638175014f60e01b825260045280602452fd5b5060ff8160201c16610f42565b63c06ad2e360e01b83526004829052602483fd5b50346102e057806003193601126102e0576020604051620186a08152f35b50346102e057806003193601126102e057602060025460e01c604051908152f35b50346102e0576102003660031901126102e057600435906113e53661408f565b916113ee614ccf565b6113f88382615c31565b6101c08301805160068110156116b15760021901611675576114346001600160401b036101008601511663ffffffff61012087015116906144cb565b804210156116635750611448338584615b97565b81611655575b506116465763ffffffff61014085015116835260076020526001600160601b03600160408520015460201c169160014301804311611632576109a7949560046001600160401b036115e39316946115918660ff876115778d8c6001600160401b038060016040516114be81613f88565b338152602080820195865260408083019b8c52606083018881526080840189815260a08086018b81529c8b52600a90945298829020935184549851841b6001600160a01b03199081169487901b87900391821699169890981790971691909117825599519101805494519551600160481b600160e81b0360489190911b1668ff000000000000000096909a1b959095166001600160e81b0319909416911691909116600160401b600160e81b0319161717949094178455565b51825460ff60e81b1916911660e81b60ff60e81b16179055565b6002546001600160a01b036115a889828416614c50565b16906001600160601b0360a01b1617600255526101e081208388526005602052604088205560405193858552602085015260408401906143cf565b7f187950bdb354f5ce0ac6b1b8df385ffb18b011bdcff87d0e16dc7faf2c89c3216102203393a330337f00000000000000000000000000000000000000000000000000000000000000006155e4565b634e487b7160e01b85526011600452602485fd5b63706cd38160e01b8352600483fd5b905060a0850151145f61144e565b63348f2b4160e11b8452600452602483fd5b82905191600683101561169d5763a5d15e1f60e01b825260045260449161169b906143ad565bfd5b634e487b7160e01b82526021600452602482fd5b634e487b7160e01b84526021600452602484fd5b50346102e0576116d43661420f565b6116df929192614ccf565b8160011b80855260086020526040852090815460ff8160201c16801561184f575b801561183d575b801561182a575b611813576001600160401b039060281c1680421161180157508552600960205260ff604086209416938486526020526040852060018060a01b0381541633036117ee5760010180546117df5782156117d057829055805462ff000061177860ff8360101c166145ba565b60101b169062ff0000191617905560405192848452602084015260408301527f276e9e32c88dc94e5558bd81f5392a77d4eccdcbf262a96c0288fb82762cf97a60603393a3805f516020615fc45f395f51905f525d80f35b635054097b60e01b8652600486fd5b6317fd8aab60e31b8652600486fd5b6339cf113760e01b865233600452602486fd5b63348f2b4160e11b8752600452602486fd5b60448786638175014f60e01b825260045280602452fd5b5060ff8160081c1660ff8716101561170e565b5060ff811660ff8260081c1610611707565b5060ff8160081c1615611700565b50346102e057806003193601126102e057602060405160808152f35b50346102e057806003193601126102e057602060405160648152f35b50346102e0576102003660031901126102e0576118b13661408f565b6118b9614ccf565b6118c581600435614d76565b6001600435811b17825260086020526040822090604051916118e683613f52565b549160ff83168152602081019060ff8460081c16825260ff8460101c166040820152606081019060ff8560181c16825260ff8560201c16151560808201526001600160401b0360c0818760281c16928360a0820152019560681c16855215611ff65760ff90511660ff8251161180611fe2575b611fc55760ff9051169161197960a0830151846001600435811b176157f8565b9161198585848461586c565b9460038610159081611fb15786926002841415929187918480611f92575b611f32575b506040906001600435811b178b5260086020528a828120556004358b52600a6020528a6001600160601b0360016119f08b8b60ff84898820015460e81c169b896004356158af565b95909363ffffffff61014082990151168152600760205220015460801c16908c5b838110611d77575050505090611a26916144cb565b9280611aa1575b5050509160ff8092611a42611a65969561516f565b611a4f6040518098614c43565b16602086015216604084015260608301906143cf565b7f723d66ba78ad43af6e12cdceca03d466656132a58fc4c45a33a06f95d41ddccf61024060043592a2805f516020615fc45f395f51905f525d80f35b63ffffffff61014088015116895260076020526001600160601b03600160408b20015460801c16611ad1826157b8565b918a938b958c5b838110611bad5750505050611aed9084614c69565b9282611b9d5789915b8a5b848110611b77575050611a65979694611b6560ff979495611b5f8997611a4296611b6b968a6040519181851683521660208201528160408201527f87cf71f5b7234c28da900dd00e5715f4ab5648938e5e71f6346b68d34aed97b3606060043592a2614c69565b906145cc565b906144cb565b93959650819450611a2d565b600190611b97856001600160a01b03611b9084876145d9565b5116614d9d565b01611af8565b611ba78385614c7c565b91611af6565b8d6004359052600b6020528d816040822091526020528d604081209060405191611bd683613f6d565b549060018060a01b038216835260ff602084019260a01c16151582526004358152600b6020526040812084825260205260408120558460018060a01b0383511615611d6c57611d5757908f918f85916002821492611d45575b505015611cf15780516001600160a01b0316611c54611c4d8b6157ea565b9a8a6145d9565b52516001600160a01b03908116907f000000000000000000000000000000000000000000000000000000000000000016803b15611ced57604051637eee288d60e01b81526001600160a01b039290921660048301526024820188905282908290604490829084905af180156111da57611cd4575b50506001905b01611ad8565b81611cde91613fda565b611ce9578d5f611cc8565b8d80fd5b8280fd5b86611d4091611d03600195949c6157ea565b9b858060a01b03825116906040519084825250600660208201525f516020615fa45f395f51905f52604060043592a3848060a01b03905116614df5565b611cce565b91509550511515829515148f5f611c2f565b50634e487b7160e01b8f52602160045260248ffd5b505050600190611cce565b8d6001600435811b17905260096020528d816040822091526020528d6040812090885f600260408160018060a01b03875416960154946001600435811b1781526009602052818120888252602052208281558260018201550155611d5757908f918f8f9080155f14611efd575060a0015181145b15611e8a5750611dfb8482614d9d565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316803b15611ced57604051637eee288d60e01b81526001600160a01b039290921660048301526024820186905282908290604490829084905af180156111da57611e75575b50506001905b01611a11565b81611e7f91613fda565b611ce9578d5f611e69565b90919785611e97916144cb565b975015611ef65760035b604051908582526007811015611ee05782600194938388936020611edb9601525f516020615fa45f395f51905f52604060043592a3614df5565b611e6f565b5050634e487b7160e01b8f52602160045260248ffd5b6004611ea1565b9a506001849b145f14611f29578115159082611f1a575b50611deb565b60a0915001518114158f611f14565b50801515611deb565b6001600160401b039193949550611f6d9250511663ffffffff610140890151168a52600760205263ffffffff60408b205460d81c16906144cb565b80421115611f80578793929187916119a8565b630a8d68c960e21b8952600452602488fd5b506004358b52600a60205260ff600160408d20015460401c16156119a3565b634e487b7160e01b88526021600452602488fd5b8251630a8d68c960e21b85526001600160401b0316600452602484fd5b506001600160401b03835116421115611959565b6361ee4f6b60e11b8552600485fd5b50346102e057806003193601126102e057546040516001600160a01b039091168152602090f35b50346102e05760203660031901126102e05760406060916004358152600a602052206001600160401b0360018254920154166040519160018060a01b038116835260a01c60208301526040820152f35b50346102e0576102003660031901126102e0576109a761209b3661408f565b6120a3614ccf565b600435614631565b50346102e05760403660031901126102e0576004356001600160401b03811161244b573660238201121561244b578060040135906001600160401b038211611ced576024810190602436918460051b010111611ced576024356001600160401b0381116111e557366023820112156111e557806004013561212b81614277565b916121396040519384613fda565b81835260246101e06020850193028201019036821161244757602401915b81831061231557505050612169614ccf565b8051831480159061230d575b8015612303575b6122f457919083849385928694875b8181106121a757886109a7886121a2898c8a615729565b61516f565b6121b481859897986145d9565b51956121cb876121c5848688614601565b35614ea1565b600160ff61018089015116036122d5576040870180516001600160a01b03908116908816036122b4575b60208801516001600160601b03169161016089015161ffff1661ffff1661221c9084614c69565b61271090049961222d8b80956145cc565b9b8c612238916144cb565b99606001516001600160601b031661224f916144cb565b99612259916144cb565b99612265848688614601565b91516040805192835260208301949094526001600160a01b0316929135917fdf01715a9cfc8c90fe891520a6f187c447c74181a4e015fbe9e628467a9071f691a36001905b019695949661218b565b9790986122c19296615729565b60018060a01b0386511693889789976121f5565b9795906122ef6001926122e9838688614601565b35614f1c565b6122aa565b6321af709760e21b8452600484fd5b506064831161217c565b508215612175565b6101e083360312612447576040519061232d82613fbe565b61233684614011565b825261234460208501614025565b602083015261235560408501614011565b604083015261236660608501614025565b60608301526080840135608083015260a084013560a083015261238b60c08501614039565b60c083015261239c60e08501614039565b60e08301526123ae6101008501614039565b6101008301526123c16101208501614060565b6101208301526123d46101408501614060565b61014083015261016084013561ffff81168103612443576101608301526123fe6101808501614081565b6101808301526124116101a08501614081565b6101a08301526101c084013590600682101561243f57826020926101c06101e0950152815201920191612157565b8880fd5b5f80fd5b8680fd5b5080fd5b50346102e057806003193601126102e057612468614ccf565b6040516370a0823160e01b8152306004820152906020826024817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa9182156125da5781926125a6575b506002546001600160a01b038116929091908381111561258f57836124e0916145cc565b6001600160a01b038481039491939190851161257b57846020958511612573575b506001600160a01b03906125169085906144cb565b16906001600160601b0360a01b16176002556040518281527f167beb24b4e0b809e5ad14deac40057e2206ebff29b4f1240a7d26bf69aaebe3843392a261255c8261516f565b5f516020615fc45f395f51905f525d604051908152f35b93505f612501565b634e487b7160e01b83526011600452602483fd5b6329b8d0fb60e21b82526004526024839052604490fd5b9091506020813d6020116125d2575b816125c260209383613fda565b810103126124435751905f6124bc565b3d91506125b5565b50604051903d90823e3d90fd5b50346102e0576102003660031901126102e057600435906126073661408f565b61260f614ccf565b6126198184614d50565b6001600160401b0360c082015116804211612839575061018081015160ff1660010361273657819233604083015260026101c08301526101e08220818452600560205260408420556040519061266f82846143cf565b7fd67e33b3d1b8e2cdf9e12dbd73ec0a16a1c2b4eabaf682625bc1a91f66cc63dc6101e03393a35b606001516001600160601b03167f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316803b156127325760405163282d3fdf60e01b815291839183918290849082906126fb9033600484016144ec565b03925af180156111da5761271d575b505f516020615fc45f395f51905f525d80f35b8161272791613fda565b6102e057805f61270a565b5050fd5b8260011b8083526008602052604083209384549160ff808460081c16931683101561282557845b8381106127e357508452600960209081526040808620848752909152842080546001600160a01b0319163317905592938493906127b29061279d846145ba565b61ff0082549160081b169061ff001916179055565b6040519182527f9adedb3b5390c43584fef0990a4be0a0044215b1b09fdacc34a3d1e088d817ad60203393a3612697565b8186526009602090815260408088208389529091528620546001600160a01b031633146128125760010161275d565b631b4b3b4b60e11b865233600452602486fd5b6383de582960e01b85526004829052602485fd5b63348f2b4160e11b8352600452602482fd5b50346102e057806003193601126102e0576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b50346102e057806003193601126102e057600154336001600160a01b039091160361290257600180546001600160a01b0319908116909155815433918116821783556001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08380a380f35b63118cdaa760e01b815233600452602490fd5b50346102e057806003193601126102e057602090604051908152f35b50346102e0573660031901610160811261244b5760e0136102e05760803660e31901126102e057612960614ccf565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0381168261299461458b565b610104359260ff8416938481036111e55750803b15611ced576001600160601b03918360e492604051968795869463d505accf60e01b86523360048701523060248701521660448501528435606485015260848401526101243560a48401526101443560c48401525af1612a2e575b5060209161255c612a126151b4565b926001600160601b03612a2361458b565b1690309033906155e4565b612a39838092613fda565b61244b575f612a03565b50346102e057806003193601126102e057612a5c615703565b600180546001600160a01b03199081169091558154908116825581906001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a380f35b50346102e057806003193601126102e0576020604051600f8152f35b50346102e057612ad336614233565b9493919092612ae0614ccf565b600183811b1780865260086020526040862090815460ff8160201c168015612c84575b8015612c72575b8015612c5f575b612c465760ff8160081c1660ff8260101c161080612c30575b610df7576001600160401b039060681c16804211610b3757508652600960205260ff60408720921691828752602052604086209660018060a01b038854163303610de4576001880154978815610dd557600201978854610dc65786158015612c26575b610dad57612bb1612b9f368988614348565b6020815191012092833360018a61450f565b03610d9e577ff82544e34279a5374dadecf73e2e63aa02a2093dc1b0ee24f3c3113cacf306b49495969755805463ff000000612bf260ff8360181c166145ba565b60181b169063ff0000001916179055610d88604051928392600184526020840152606060408401523396606084019161438d565b5060808711612b8d565b506001600160401b038160281c16421115612b2a565b638175014f60e01b885260048690526001602452604488fd5b5060ff8160081c1660ff85161015612b11565b5060ff811660ff8260081c1610612b0a565b5060ff8160081c1615612b03565b50346102e057806003193601126102e0576003546040516001600160a01b039091168152602090f35b50346102e05760203660031901126102e05760406020916004358152600583522054604051908152f35b50346102e0576102003660031901126102e057600435612d043661408f565b90612d0d614ccf565b612d178282614d50565b6001600160401b0360c08301511680421115612efc5750600160ff6101808401511611612dbe575b80835260056020528260408120557f9bc3ef4149d5daa6e6dd1876abd577e27d35b3f63ada74617b1ea5a97b57bad860206001600160601b0360018060a01b0385511694612d94838201968388511690614d9d565b519451604051911681526001600160a01b0390941693a3805f516020615fc45f395f51905f525d80f35b8060011b8084526008602052604084205460ff808260081c1691168114612ee85760608401857f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316815b848110612e2d575050915050526008602052826040812055612d3f565b85835260096020908152604080852083865290915283205484516001600160601b0316906001600160a01b0316833b15612ee457604051637eee288d60e01b815291859183918291612e839190600484016144ec565b038183875af1908115612ed9578491612ec4575b509086600192526009602052604084208185526020525f6002604086208281558285820155015501612e10565b81612ece91613fda565b611ced57825f612e97565b6040513d86823e3d90fd5b8480fd5b6383de582960e01b85526004839052602485fd5b630a8d68c960e21b8452600452602483fd5b50346102e05760203660031901126102e0576001604080926004358152600a60205220015460ff82519160018060a01b038160481c168352831c166020820152f35b50346102e0576101803660031901126102e057612f6b615703565b604051612f7781613f22565b6004356001600160601b0381168103611ced5781526024359061ffff8216918281036111e557602082019081526044359261ffff84168403612ee457604083019384526064359161ffff831683036134e2576060840192835260843560ff81168103612447576080850190815260a4359063ffffffff821682036134de5760a0860191825260c4359463ffffffff8616860361243f5760c0870195865260e43563ffffffff811681036111d65760e08801908152610104359663ffffffff881688036134da57610100890197885261012435956001600160601b03871687036134d6576101208a0196875261014435956001600160601b03871687036134d2576101408b01968752610164359863ffffffff8a168a03611ce9576103e8906101608d019a8b52116134b6576127106130ba61ffff8e511661ffff885116906144cb565b1161349757855160ff811690811591821561348c575b508115613480575b50613461576130ed63ffffffff825116615c78565b156134395761310263ffffffff845116615c78565b156134135761311763ffffffff855116615c78565b156133ed5761312c63ffffffff8b5116615c78565b156133c4576001600160601b03885116156133a1576001600160601b0387511615613379576001600160601b038b51161561335657620186a063ffffffff8a511611613330576002549b60018d60e01c0163ffffffff811161331c578e63ffffffff82169e8f9263ffffffff60e01b9060e01b1690600160e01b600190031617600255528d600760205260409020968c516001600160601b03169388549061ffff60601b905160601b169261ffff60701b905160701b169761ffff60801b905160801b169160ff60901b905160901b169363ffffffff60981b905160981b169563ffffffff60b81b905160b81b169663ffffffff60d81b905160d81b169763ffffffff60d81b199563ffffffff60b81b199463ffffffff60981b199360ff60901b199261ffff60801b19916fffffffffffffffffffffffffffffffff1916171617161716171617161717178155600101935163ffffffff168454925160201b6fffffffffffffffffffffffff0000000016916001600160601b0360801b905160801b169263ffffffff60e01b1617171782555181549063ffffffff60e01b9063ffffffff60e01b9060e01b161690600160e01b60019003161790556040516132f581928261428e565b037f90882da58d50682e26ca5b2414566a48f38ef6940c37c73a9d7b57dfb3340a4991a280f35b634e487b7160e01b8f52601160045260248ffd5b639e321b1360e01b8d526f6d696e436f6c6c61746572616c42707360801b60045260248dfd5b639e321b1360e01b8d526c1b5a5b90dbdb1b185d195c985b609a1b60045260248dfd5b639e321b1360e01b8d52711d995c9a599a595c90dbdb1b185d195c985b60721b60045260248dfd5b639e321b1360e01b8d526c18da185b1b195b99d9509bdb99609a1b60045260248dfd5b639e321b1360e01b8d52727265706c69636152657665616c57696e646f7760681b60045260248dfd5b639e321b1360e01b8d526f766f746552657665616c57696e646f7760801b60045260248dfd5b639e321b1360e01b8d526f766f7465436f6d6d697457696e646f7760801b60045260248dfd5b639e321b1360e01b8d52716d696e4368616c6c656e676557696e646f7760701b60045260248dfd5b639e321b1360e01b8d526876657269666965727360b81b60045260248dfd5b6001915016155f6130d8565b600f1091505f6130d0565b639e321b1360e01b8d526872657761726442707360b81b60045260248dfd5b639e321b1360e01b8d526566656542707360d01b60045260248dfd5b8c80fd5b8b80fd5b8a80fd5b8780fd5b8580fd5b50346102e057806003193601126102e05760206001600160401b0360025460a01c16604051908152f35b50346102e057806003193601126102e057602060405160018152f35b50346102e057806003193601126102e057613545614ccf565b60045480156135df5760048290556002546109a791906001600160a01b036135718184168284166145a1565b16906001600160601b0360a01b161760025560018060a01b0360035416807fc0819c13be868895eb93e40eaceb96de976442fa1d404e5c55f14bb65a8c489a6020604051858152a27f0000000000000000000000000000000000000000000000000000000000000000615676565b630686827b60e51b8252600482fd5b50346102e05760403660031901126102e05760ff61360a614071565b1680158015613683575b6136655760209160025460e01c8152600783526001600160601b036136486040832093600185015460e01c906004356156ce565b92541690508082111561365e5750604051908152f35b9050610be7565b63045c52e960e11b8252677265706c6963617360c01b600452602482fd5b5060098111613614565b50346102e0576101e03660031901126102e057604051906136ad82613fbe565b6004356001600160a01b038116810361244b5782526024356001600160601b038116810361244b5760208301526044356001600160a01b038116810361244b5760408301526064356001600160601b038116810361244b576060830152608435608083015260a43560a083015260c4356001600160401b038116810361244b5760c083015260e4356001600160401b038116810361244b5760e0830152610104356001600160401b038116810361244b576101008301526101243563ffffffff8116810361244b576101208301526101443563ffffffff8116810361244b576101408301526101643561ffff8116810361244b576101608301526101843560ff8116810361244b576101808301526101a43560ff8116810361244b576101a08301526101c4359060068210156102e05760206101e084846101c082015220604051908152f35b50346102e057806003193601126102e05761380c614ccf565b3381526006602052604081205480156135df573382526006602052604082208290556002546109a791906001600160a01b0361384c8184168284166145a1565b16906001600160601b0360a01b16176002556040518181527f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d560203392a2337f0000000000000000000000000000000000000000000000000000000000000000615676565b50346102e05760e03660031901126102e0576020906138ce614ccf565b6138d66151b4565b9061255c6001600160601b036138ea61458b565b1630337f00000000000000000000000000000000000000000000000000000000000000006155e4565b50346102e05760a03660031901126102e05761392d614071565b604435916001600160a01b03831683036102e0576020610be7608435606435868660043561450f565b50346102e0576139653661420f565b613970929192614ccf565b600182811b1780855260086020526040852090815460ff8160201c168015613aa2575b8015613a90575b8015613a7d575b613a64576001600160401b039060281c1680421161180157508552600960205260ff604086209416938486526020526040852060018060a01b0381541633036117ee5760010180546117df5782156117d057829055805462ff0000613a0b60ff8360101c166145ba565b60101b169062ff000019161790556040519260018452602084015260408301527f276e9e32c88dc94e5558bd81f5392a77d4eccdcbf262a96c0288fb82762cf97a60603393a3805f516020615fc45f395f51905f525d80f35b638175014f60e01b875260048590526001602452604487fd5b5060ff8160081c1660ff871610156139a1565b5060ff811660ff8260081c161061399a565b5060ff8160081c1615613993565b50346124435761020036600319011261244357600435613acf3661408f565b613ad7614ccf565b613ae18183614ea1565b61018081015160ff16600103613c26576001600160601b03602082015116613b22612710613b1a61ffff80610160870151161684614c69565b0480926145cc565b927fdf01715a9cfc8c90fe891520a6f187c447c74181a4e015fbe9e628467a9071f6604080850195613b5d8160018060a01b03895116614d9d565b613b668561516f565b60018060a01b038751169482519182526020820152a390516060909101516001600160a01b037f000000000000000000000000000000000000000000000000000000000000000081169216906001600160601b0316823b1561244357613be5925f9283604051809681958294637eee288d60e01b8452600484016144ec565b03925af18015613c1b57613c08575b50805f516020615fc45f395f51905f525d80f35b613c1491505f90613fda565b5f5f613bf4565b6040513d5f823e3d90fd5b613c2f91614f1c565b6109a7565b34612443576020366003190112612443576001600160a01b03613c55613ffb565b165f526006602052602060405f2054604051908152f35b346124435761020036600319011261244357600435613c8a3661408f565b613c92614ccf565b613c9c8183614d04565b6001600160401b0360e08201511680421115613d9157506001600160601b0382613d7f935f5260056020525f604081205560018060a01b038351169260406020820191613cff8584511696613cf96060840198888a5116906144cb565b90614d9d565b019160018060a01b03835116815f516020615fa45f395f51905f5260408789511681519081525f6020820152a37f20ca103b04698b785d32d96490ed4afbdeb5b5e59325be0137686c7fcc73a90060408560018060a01b038651169451168688511682519182526020820152a351915116906001600160a01b0316614df5565b5f5f516020615fc45f395f51905f525d005b630a8d68c960e21b5f5260045260245ffd5b346124435761022036600319011261244357600435613dc13661408f565b90610204356001600160401b03811161244357613de29036906004016141e2565b613dea614ccf565b613df48484614d04565b60408401516001600160a01b03163303613ef6576001600160401b0360e085015116804211613ee4575080158015613eda575b613ecb57613eb3613ea87f0f6292570bca952b0fe2da752ae0a257c65fc41bc1e4e14f3bc58a3ce4a3ef4493613e5e368583614348565b6020815191012060a08801526001600160401b03421661010088015260036101c08801526101e08720865f52600560205260405f205560405193610200855261020085019161438d565b9460208301906143cf565b8033940390a35f5f516020615fc45f395f51905f525d005b63329c672560e21b5f5260045ffd5b5060808111613e27565b63348f2b4160e11b5f5260045260245ffd5b631bd2224f60e01b5f523360045260245ffd5b34612443575f3660031901126124435780600960209252f35b61018081019081106001600160401b03821117613f3e57604052565b634e487b7160e01b5f52604160045260245ffd5b60e081019081106001600160401b03821117613f3e57604052565b604081019081106001600160401b03821117613f3e57604052565b60c081019081106001600160401b03821117613f3e57604052565b606081019081106001600160401b03821117613f3e57604052565b6101e081019081106001600160401b03821117613f3e57604052565b90601f801991011681019081106001600160401b03821117613f3e57604052565b600435906001600160a01b038216820361244357565b35906001600160a01b038216820361244357565b35906001600160601b038216820361244357565b35906001600160401b038216820361244357565b6004359063ffffffff8216820361244357565b359063ffffffff8216820361244357565b6024359060ff8216820361244357565b359060ff8216820361244357565b6101e090602319011261244357604051906140a982613fbe565b816024356001600160a01b03811681036124435781526044356001600160601b03811681036124435760208201526064356001600160a01b03811681036124435760408201526084356001600160601b038116810361244357606082015260a435608082015260c43560a082015260e4356001600160401b03811681036124435760c0820152610104356001600160401b03811681036124435760e0820152610124356001600160401b0381168103612443576101008201526101443563ffffffff81168103612443576101208201526101643563ffffffff81168103612443576101408201526101843561ffff81168103612443576101608201526101a43560ff81168103612443576101808201526101c43560ff81168103612443576101a08201526101e435906006821015612443576101c00152565b9181601f84011215612443578235916001600160401b038311612443576020838186019501011161244357565b6060906003190112612443576004359060243560ff81168103612443579060443590565b6080600319820112612443576004359160243560ff811681036124435791604435906001600160401b0382116124435761426f916004016141e2565b909160643590565b6001600160401b038111613f3e5760051b60200190565b91909161016063ffffffff816101808401956001600160601b03815116855261ffff602082015116602086015261ffff604082015116604086015261ffff606082015116606086015260ff60808201511660808601528260a08201511660a08601528260c08201511660c08601528260e08201511660e086015282610100820151166101008601526001600160601b03610120820151166101208601526001600160601b0361014082015116610140860152015116910152565b9291926001600160401b038211613f3e5760405191614371601f8201601f191660200184613fda565b829481845281830111612443578281602093845f960137010152565b908060209392818452848401375f828201840152601f01601f1916010190565b60068110156143bb57602452565b634e487b7160e01b5f52602160045260245ffd5b6101c09060018060a01b0381511683526001600160601b03602082015116602084015260018060a01b0360408201511660408401526001600160601b0360608201511660608401526080810151608084015260a081015160a08401526001600160401b0360c08201511660c08401526001600160401b0360e08201511660e08401526001600160401b036101008201511661010084015263ffffffff6101208201511661012084015263ffffffff6101408201511661014084015261ffff6101608201511661016084015260ff6101808201511661018084015260ff6101a0820151166101a084015201519060068210156143bb576101c00152565b919082018092116144d857565b634e487b7160e01b5f52601160045260245ffd5b6001600160a01b0390911681526001600160601b03909116602082015260400190565b939192909260ff6040519460208601966101008852600f6101208801526e6272696e652f636f6d6d69742f763160881b61014088015246604088015230606088015260808701521660a085015260018060a01b031660c084015260e0830152610100820152610140815261458561016082613fda565b51902090565b6024356001600160601b03811681036124435790565b6001600160a01b0391821690821603919082116144d857565b60ff60019116019060ff82116144d857565b919082039182116144d857565b80518210156145ed5760209160051b010190565b634e487b7160e01b5f52603260045260245ffd5b91908110156145ed5760051b0190565b906001600160401b03809116911601906001600160401b0382116144d857565b9161463c8284614d76565b600183811b175f52600860205260405f206001600160401b03815460281c16614c3457835f52600a60205260405f209260018401906001600160401b0382541680431115613d915740958615614bd15763ffffffff610140830151165f52600760205260ff60405f20935460401c16155f14614bc95760ff835460901c16955b60018060a01b03905416946001600160601b03600185015460801c16906146e560ff89166157b8565b604051634331ed1f60e01b81529990965f96909160208c6004817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa9b8c15613c1b575f9c614b95575b506040516020810191825286604082015260408152614759606082613fda565b519020925f5b60ff8c166103fc8d60021b160460041460ff8d161517156144d8576103fc8c60021b16811080614b89575b80614b80575b1561491d576040516020810190868252826040820152604081526147b5606082613fda565b519020908d156149095760408051633dba1d0b60e01b8152928f9006600484015260248301889052826044817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa8015613c1b575f905f906148b5575b61487a93501580156148a3575b801561488d575b61487f578a8c614841838d8d615b97565b5061488557614851918391615c98565b61487f576148686148618c6157ea565b9b8d6145d9565b6001600160a01b0390911690526157ea565b61475f565b506157ea565b5050506157ea565b5089516001600160a01b03828116911614614830565b506001600160a01b0381168d14614829565b50506040823d8211614901575b816148cf60409383613fda565b81010312612443578151916001600160a01b0383168303612443576020015180151581036124435761487a929061481c565b3d91506148c2565b634e487b7160e01b5f52601260045260245ffd5b5096955096975098505050945083525f5b8351811015614987576001906001600160a01b0361494c82876145d9565b51168287811b175f52600960205260405f20825f5260205260405f2090838060a01b03166001600160601b0360a01b8254161790550161492e565b50929093845490614a1d6149bc63ffffffff6149b1818660b81c166001600160401b034216614611565b9460d81c1684614611565b8551835467ffffffffffffffff60681b606884901b1674ffffffffffffffffffffffffffffffff000000ffff1990911660ff83161761ff0060089390931b92909216919091176cffffffffffffffff0000000000602887901b161717909255565b604051906060820192606083528551809452608083019360208701905f5b818110614b6157505050926001600160401b038392817fdddef5d753a8a96dbcabb20a804e83154b00c2f19f6bb317ee40ee975754e901961660208501521660408301520390a25f5b8151811015614b5b576001600160a01b03614a9f82846145d9565b51600186015460801c6001600160601b03169291167f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03163b156124435760405163282d3fdf60e01b8152925f9184918291614b069190600484016144ec565b0381837f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af1918215613c1b57600192614b4b575b5001614a84565b5f614b5591613fda565b5f614b44565b50509050565b82516001600160a01b0316875260209687019690920191600101614a3b565b508c1515614790565b5060ff8c16891061478a565b909b506020813d602011614bc1575b81614bb160209383613fda565b8101031261244357519a5f614739565b3d9150614ba4565b6029956146bc565b94505091935050600143018043116144d8577f351163cc75fdc4fe077039302c61376d9baf26abe9751bbcd1780276a562e0f7916001600160401b0360209216906001600160401b0382166001600160401b0319825416179055604051908152a2565b63097e1d9b60e01b5f5260045ffd5b9060038210156143bb5752565b6001600160a01b0391821690821601919082116144d857565b818102929181159184041417156144d857565b8115614909570490565b63ffffffff165f52600760205260405f206001600160601b03600182015460201c166029810290808204602914901517156144d85760ff614ccc925460901c1690614c7c565b90565b5f516020615fc45f395f51905f525c614cf55760015f516020615fc45f395f51905f525d565b633ee5aeb560e01b5f5260045ffd5b906101c090614d138184615c31565b01805160068110156143bb5760011901614d2b575050565b5160068110156143bb57614d4b9163a5d15e1f60e01b5f526004526143ad565b60445ffd5b906101c090614d5f8184615c31565b01805160068110156143bb575f1901614d2b575050565b906101c090614d858184615c31565b01805160068110156143bb5760031901614d2b575050565b8115614df15760207f9c9e0cdb1670e88302408e5b941dc636f63a3293204694bb68910fcf3d9305f39160018060a01b031692835f526006825260405f20614de68282546144cb565b9055604051908152a2565b5050565b6002546001600160a01b03614e0e848216828416614c50565b6001600160a01b03199092169116176002557f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031691823b1561244357604051630bfac59960e41b81526001600160a01b0390921660048301526024820152306044820152905f908290606490829084905af18015613c1b57614e955750565b5f614e9f91613fda565b565b90614eac8183615c31565b6101c0810190815160068110156143bb57600303614f0257614eea915063ffffffff6101206001600160401b036101008401511692015116906144cb565b804210613d9157505b5f5260056020525f6040812055565b50805160068110156143bb5760041901614d2b5750614ef3565b9190918060011b9060208401926001600160601b0384511661018086019060ff82511680156149095791959190046001600160601b0316925f928392839160a08a0191835b60ff8b51168110156150ec575f8a815260096020908152604080832084845290915281206002810180548254848455600190930184905592905585516001600160a01b03909116998e93928c928103615085575090614fea8b614ff093614fe5612710614fd961ffff806101608c0151161687614c69565b0492613cf984876145cc565b6144cb565b996144cb565b986001600160601b03606060018060a01b037f00000000000000000000000000000000000000000000000000000000000000001694015116833b1561244357615052935f9283604051809781958294637eee288d60e01b8452600484016144ec565b03925af1908115613c1b5760ff92600192615075575b505b019050969596614f61565b5f61507f91613fda565b5f615068565b60019392509a60ff94919a9b61509d575b505061506a565b6001600160601b036150ba60606150e594019a828c5116906144cb565b99828c5f516020615fa45f395f51905f5260408585511681519081528a6020820152a3511690614df5565b8d5f615096565b505f99507fdf01715a9cfc8c90fe891520a6f187c447c74181a4e015fbe9e628467a9071f69750859250613cf9879694614fe5604099966001600160601b03615153969f6151619a9e5f5260086020528f8d81205560018060a01b039051169551166145cc565b61515c8261516f565b6145cc565b9082519182526020820152a3565b80156151b1576020816151a57ff4508900f1c399aa8d8f4c540a761d8105d3ae787eeec3b4cb84b272347de625936004546144cb565b600455604051908152a1565b50565b600254908160e01c5f52600760205260405f206001600160601b03602435169081602435036124435781156155c55760ff606435168060643514158061244357811580156155b9575b615599576001600160601b0360443516958660443503612443578354916001600160601b03831688106155775761244357615240600185015460e01c84876156ce565b965f9780821061556157506001600160401b036084351691826084351415938461244357428411801590615548575b6155285760a435936001600160401b038516908186141592836124435787612443578183118015906154fd575b6154dd5763ffffffff60c43516938460c435141591826124435760981c63ffffffff16851080156154ce575b6154a7576001600160401b038660a01c16986001600160401b038a146144d85760018a016001600160401b03169e6001600160a01b0361530a8f8a8316614c50565b1667ffffffffffffffff60a01b60018d0160a01b166001600160e01b03198a1617176002556124435761244357612443576124435761ffff895460601c16946040519a6153568c613fbe565b338c5260208c01525f60408c015260608b015260043560808b01525f60a08b015260c08a015260e08901525f61010089015261012088015260e01c610140870152610160860152826101808601525f6101a086015260016101c08601526101e08520875f52600560205260405f205560018311615409575b505050506153df60405180926143cf565b827f5300dffd0d8de5b02ec486db20ab23119f3f5ab3abb66280fd5fd1de3a9c93146101e03393a3565b63ffffffff600161549e956801fffffffffffffffe826154769601831b165f52600860205260405f209560ff1987541617865561546d8487906cffffffffffffffff000000000082549160281b16906cffffffffffffffff00000000001916179055565b01541690614611565b815467ffffffffffffffff60681b191660689190911b67ffffffffffffffff60681b16179055565b5f8080806153ce565b63045c52e960e11b5f9081526e6368616c6c656e676557696e646f7760881b600452602490fd5b505f915062278d0085116152c8565b63045c52e960e11b5f90815267726573756c74427960c01b600452602490fd5b505f975087935062278d0082016001600160401b0381116144d8576001600160401b0316831161529c565b63045c52e960e11b5f90815267616363657074427960c01b600452602490fd5b5093505f9362278d0042018042116144d857841161526f565b90636073191b60e11b5f5260045260245260445ffd5b63045c52e960e11b5f9081526918dbdb1b185d195c985b60b21b600452602490fd5b63045c52e960e11b5f908152677265706c6963617360c01b600452602490fd5b50505f600982116151fd565b63045c52e960e11b5f908152661c185e5b595b9d60ca1b600452602490fd5b6040516323b872dd60e01b5f9081526001600160a01b039384166004529290931660245260449390935260209060648180865af19060015f5114821615615655575b6040525f606052156156355750565b635274afe760e01b5f9081526001600160a01b0391909116600452602490fd5b90600181151661566d57823b15153d15161690615626565b503d5f823e3d90fd5b916040519163a9059cbb60e01b5f5260018060a01b031660045260245260205f60448180865af19060015f51148216156156b6575b604052156156355750565b90600181151661566d57823b15153d151616906156ab565b90918261271002926127108404036144d857614fe583916156ee93614c69565b5f198101919082116144d857614ccc91614c7c565b5f546001600160a01b0316330361571657565b63118cdaa760e01b5f523360045260245ffd5b906001600160a01b038216156157b3576157439082614d9d565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031691823b1561244357604051637eee288d60e01b81526001600160a01b039290921660048301526024820152905f908290604490829084905af18015613c1b57614e955750565b505050565b906157c282614277565b6157cf6040519182613fda565b82815280926157e0601f1991614277565b0190602036910137565b5f1981146144d85760010190565b9290925f935f935f925b82841061580f5750505050565b90919295815f52600960205260405f20875f52602052600260405f200154801561586257830361584f576158446001916157ea565b965b01929190615802565b959461585c6001916157ea565b95615846565b5095600190615846565b8060011b90808204600214901517156144d85782101561588c5750505f90565b8060011b90808204600214901517156144d85711156158aa57600190565b600290565b5f818152600a60205260408082209051959792969295949391806158d287613f88565b6001835493818060a01b0385168952602089019460a01c85520154966001600160401b038816604082015260ff8860401c16606082015260ff608082019860018060a01b038160481c168a5260e81c1660a0820152895f52600a6020525f600160408220828155015560018060a01b03885116155f14615b7d575f965b885182516001600160a01b039081169116149660038210156143bb5760018214615a68575060056101c08701526101e086208b5f52600560205260405f2055155f14615a2e57505050966159fa916159f46159e06159c26001600160601b03611b5f9c5116875f14615a275788906144cb565b93600160ff61018086015116145f14615a185760ff60015b166144cb565b926159eb8482614c7c565b9a8b9485614c69565b97615f0a565b15615a03575050565b9051614e9f91906001600160a01b0316614d9d565b60ff806101a0860151166159da565b5f906144cb565b5192519199509750614e9f959350615a5992506001600160601b0316906001600160a01b0316614d9d565b516001600160a01b0316614d9d565b9695999a949798505099505050805f52600560205260405f205f905585600160a01b6001900381511660208201516001600160601b0316615aa891614d9d565b615ab191615ce0565b94610140015163ffffffff165f52600760205260405f2054938460701c61ffff16615adc9087614c69565b61271090049485878386865f14615b40615b699b61515c61ffff615b3a613cf99d615b35615b5d9c612710615b2f6001600160601b039d615b479d611b5f9c615b7557505f9788945b60801c1690614c69565b046144cb565b614c7c565b9f6144cb565b918c614c69565b9a5196516001600160a01b0390971696166144cb565b9115615b6d57906144cb565b9190565b505f906144cb565b978894615b25565b615b9163ffffffff61014087015116614c86565b9661594f565b610180820191600160ff84511614615c10575090916001600160a01b03169060011b5f5b60ff845116811015615c0657815f52600960205260405f20815f5260205260405f208360018060a01b0382541614615bf65750600101615bbb565b6002015460019590945092505050565b505050505f905f90565b604081015160a0909101516001600160a01b03948516919094161493915050565b90815f52600560205260405f2054908115615c65576101e0902003615c535750565b6340eafd6d60e11b5f5260045260245ffd5b82630510aa5f60e41b5f5260045260245ffd5b63ffffffff1660048110159081615c8d575090565b62278d009150111590565b90916001600160a01b0316905f5b838110615cb557505050505f90565b826001600160a01b03615cc883856145d9565b511614615cd757600101615ca6565b50505050600190565b91905f610180820191600160ff84511614615eab57908460019493941b925f60a08401925b60ff875116821015615e95575f86815260096020908152604080832085845290915281206002810180548254848455600190930184905592905585518a97969594936001600160a01b0390921692908103615db6575091615daa826001600160601b0360ff95600195615d8060608c019284845116906144cb565b9b5f516020615fa45f395f51905f52604085855116815190815260056020820152a3511690614df5565b01919293949050615d05565b909650615dc9575b50600160ff91615daa565b906060850191808a7ff96710a3b5fc17fd84c0d0b2d4be8347f01520b12834fb39fa1ec5a10985c1b360206001600160601b03875116604051908152a391517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031692906001600160601b0316833b1561244357615e67935f9283604051809781958294637eee288d60e01b8452600484016144ec565b03925af1908115613c1b5760ff92600192615e85575b509150615dbe565b5f615e8f91613fda565b5f615e7d565b965050935050505f5260086020525f6040812055565b6001600160601b0393949250615f0591506040810190606060018060a01b038351169101935f516020615fa45f395f51905f52604087875116815190815260056020820152a35182518416906001600160a01b0316614df5565b511690565b9091610180830191600160ff84511614615f8857919260a0019160011b5f5b60ff855116811015615f8157600160ff91835f52600960205260405f20815f5260205260405f20856002820154885114615f68575b5050019050615f29565b615f7a91848060a01b03905416614d9d565b5f85615f5e565b5050505050565b50604090920151614e9f9291506001600160a01b0316614d9d56fe6b7ba62b31b79997b52413520280bd6fd83622b3591361150a2ad70f2391a6959b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00a164736f6c6343000825000a",
}

// JobMarket is an auto generated Go binding around an Ethereum contract.
type JobMarket struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *JobMarket) GetABI() abi.ABI {
	return c.abi
}

// NewJobMarket creates a new instance of JobMarket.
func NewJobMarket() *JobMarket {
	parsed, err := JobMarketMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &JobMarket{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *JobMarket) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address registry_, address owner_, address treasury_, (uint96,uint16,uint16,uint16,uint8,uint32,uint32,uint32,uint32,uint96,uint96,uint32) params_) returns()
func (jobMarket *JobMarket) PackConstructor(token_ common.Address, registry_ common.Address, owner_ common.Address, treasury_ common.Address, params_ JobMarketParams) []byte {
	enc, err := jobMarket.abi.Pack("", token_, registry_, owner_, treasury_, params_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAPPEALVERIFIERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9770058.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function APPEAL_VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) PackAPPEALVERIFIERS() []byte {
	enc, err := jobMarket.abi.Pack("APPEAL_VERIFIERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAPPEALVERIFIERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9770058.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function APPEAL_VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) TryPackAPPEALVERIFIERS() ([]byte, error) {
	return jobMarket.abi.Pack("APPEAL_VERIFIERS")
}

// UnpackAPPEALVERIFIERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc9770058.
//
// Solidity: function APPEAL_VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) UnpackAPPEALVERIFIERS(data []byte) (uint8, error) {
	out, err := jobMarket.abi.Unpack("APPEAL_VERIFIERS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackDRAWATTEMPTSPERSEAT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9819d3a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DRAW_ATTEMPTS_PER_SEAT() view returns(uint256)
func (jobMarket *JobMarket) PackDRAWATTEMPTSPERSEAT() []byte {
	enc, err := jobMarket.abi.Pack("DRAW_ATTEMPTS_PER_SEAT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDRAWATTEMPTSPERSEAT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9819d3a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DRAW_ATTEMPTS_PER_SEAT() view returns(uint256)
func (jobMarket *JobMarket) TryPackDRAWATTEMPTSPERSEAT() ([]byte, error) {
	return jobMarket.abi.Pack("DRAW_ATTEMPTS_PER_SEAT")
}

// UnpackDRAWATTEMPTSPERSEAT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe9819d3a.
//
// Solidity: function DRAW_ATTEMPTS_PER_SEAT() view returns(uint256)
func (jobMarket *JobMarket) UnpackDRAWATTEMPTSPERSEAT(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("DRAW_ATTEMPTS_PER_SEAT", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXBATCH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x950bff9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_BATCH() view returns(uint256)
func (jobMarket *JobMarket) PackMAXBATCH() []byte {
	enc, err := jobMarket.abi.Pack("MAX_BATCH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXBATCH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x950bff9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_BATCH() view returns(uint256)
func (jobMarket *JobMarket) TryPackMAXBATCH() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_BATCH")
}

// UnpackMAXBATCH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x950bff9f.
//
// Solidity: function MAX_BATCH() view returns(uint256)
func (jobMarket *JobMarket) UnpackMAXBATCH(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("MAX_BATCH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXCIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa82da60d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_CID_LENGTH() view returns(uint256)
func (jobMarket *JobMarket) PackMAXCIDLENGTH() []byte {
	enc, err := jobMarket.abi.Pack("MAX_CID_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXCIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa82da60d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_CID_LENGTH() view returns(uint256)
func (jobMarket *JobMarket) TryPackMAXCIDLENGTH() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_CID_LENGTH")
}

// UnpackMAXCIDLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa82da60d.
//
// Solidity: function MAX_CID_LENGTH() view returns(uint256)
func (jobMarket *JobMarket) UnpackMAXCIDLENGTH(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("MAX_CID_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXCOLLATERALBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7d6e867.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_COLLATERAL_BPS() view returns(uint32)
func (jobMarket *JobMarket) PackMAXCOLLATERALBPS() []byte {
	enc, err := jobMarket.abi.Pack("MAX_COLLATERAL_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXCOLLATERALBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7d6e867.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_COLLATERAL_BPS() view returns(uint32)
func (jobMarket *JobMarket) TryPackMAXCOLLATERALBPS() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_COLLATERAL_BPS")
}

// UnpackMAXCOLLATERALBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb7d6e867.
//
// Solidity: function MAX_COLLATERAL_BPS() view returns(uint32)
func (jobMarket *JobMarket) UnpackMAXCOLLATERALBPS(data []byte) (uint32, error) {
	out, err := jobMarket.abi.Unpack("MAX_COLLATERAL_BPS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMAXFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd55be8c6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (jobMarket *JobMarket) PackMAXFEEBPS() []byte {
	enc, err := jobMarket.abi.Pack("MAX_FEE_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXFEEBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd55be8c6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (jobMarket *JobMarket) TryPackMAXFEEBPS() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_FEE_BPS")
}

// UnpackMAXFEEBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd55be8c6.
//
// Solidity: function MAX_FEE_BPS() view returns(uint16)
func (jobMarket *JobMarket) UnpackMAXFEEBPS(data []byte) (uint16, error) {
	out, err := jobMarket.abi.Unpack("MAX_FEE_BPS", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackMAXJOBSPAN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6b8b444e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_JOB_SPAN() view returns(uint64)
func (jobMarket *JobMarket) PackMAXJOBSPAN() []byte {
	enc, err := jobMarket.abi.Pack("MAX_JOB_SPAN")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXJOBSPAN is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6b8b444e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_JOB_SPAN() view returns(uint64)
func (jobMarket *JobMarket) TryPackMAXJOBSPAN() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_JOB_SPAN")
}

// UnpackMAXJOBSPAN is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6b8b444e.
//
// Solidity: function MAX_JOB_SPAN() view returns(uint64)
func (jobMarket *JobMarket) UnpackMAXJOBSPAN(data []byte) (uint64, error) {
	out, err := jobMarket.abi.Unpack("MAX_JOB_SPAN", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackMAXREPLICAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05258376.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_REPLICAS() view returns(uint8)
func (jobMarket *JobMarket) PackMAXREPLICAS() []byte {
	enc, err := jobMarket.abi.Pack("MAX_REPLICAS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXREPLICAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05258376.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_REPLICAS() view returns(uint8)
func (jobMarket *JobMarket) TryPackMAXREPLICAS() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_REPLICAS")
}

// UnpackMAXREPLICAS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x05258376.
//
// Solidity: function MAX_REPLICAS() view returns(uint8)
func (jobMarket *JobMarket) UnpackMAXREPLICAS(data []byte) (uint8, error) {
	out, err := jobMarket.abi.Unpack("MAX_REPLICAS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackMAXVERIFIERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66b17495.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) PackMAXVERIFIERS() []byte {
	enc, err := jobMarket.abi.Pack("MAX_VERIFIERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXVERIFIERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x66b17495.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) TryPackMAXVERIFIERS() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_VERIFIERS")
}

// UnpackMAXVERIFIERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x66b17495.
//
// Solidity: function MAX_VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) UnpackMAXVERIFIERS(data []byte) (uint8, error) {
	out, err := jobMarket.abi.Unpack("MAX_VERIFIERS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackMAXWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdeb96634.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_WINDOW() view returns(uint32)
func (jobMarket *JobMarket) PackMAXWINDOW() []byte {
	enc, err := jobMarket.abi.Pack("MAX_WINDOW")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdeb96634.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_WINDOW() view returns(uint32)
func (jobMarket *JobMarket) TryPackMAXWINDOW() ([]byte, error) {
	return jobMarket.abi.Pack("MAX_WINDOW")
}

// UnpackMAXWINDOW is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdeb96634.
//
// Solidity: function MAX_WINDOW() view returns(uint32)
func (jobMarket *JobMarket) UnpackMAXWINDOW(data []byte) (uint32, error) {
	out, err := jobMarket.abi.Unpack("MAX_WINDOW", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMINWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x52b65c4b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_WINDOW() view returns(uint32)
func (jobMarket *JobMarket) PackMINWINDOW() []byte {
	enc, err := jobMarket.abi.Pack("MIN_WINDOW")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINWINDOW is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x52b65c4b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_WINDOW() view returns(uint32)
func (jobMarket *JobMarket) TryPackMINWINDOW() ([]byte, error) {
	return jobMarket.abi.Pack("MIN_WINDOW")
}

// UnpackMINWINDOW is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x52b65c4b.
//
// Solidity: function MIN_WINDOW() view returns(uint32)
func (jobMarket *JobMarket) UnpackMINWINDOW(data []byte) (uint32, error) {
	out, err := jobMarket.abi.Unpack("MIN_WINDOW", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackREPLICAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x792f8b5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function REPLICAS() view returns(uint8)
func (jobMarket *JobMarket) PackREPLICAS() []byte {
	enc, err := jobMarket.abi.Pack("REPLICAS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackREPLICAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x792f8b5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function REPLICAS() view returns(uint8)
func (jobMarket *JobMarket) TryPackREPLICAS() ([]byte, error) {
	return jobMarket.abi.Pack("REPLICAS")
}

// UnpackREPLICAS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x792f8b5b.
//
// Solidity: function REPLICAS() view returns(uint8)
func (jobMarket *JobMarket) UnpackREPLICAS(data []byte) (uint8, error) {
	out, err := jobMarket.abi.Unpack("REPLICAS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackVERIFIERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49df26fe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) PackVERIFIERS() []byte {
	enc, err := jobMarket.abi.Pack("VERIFIERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVERIFIERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49df26fe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) TryPackVERIFIERS() ([]byte, error) {
	return jobMarket.abi.Pack("VERIFIERS")
}

// UnpackVERIFIERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x49df26fe.
//
// Solidity: function VERIFIERS() view returns(uint8)
func (jobMarket *JobMarket) UnpackVERIFIERS(data []byte) (uint8, error) {
	out, err := jobMarket.abi.Unpack("VERIFIERS", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackAcceptJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80a5877c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptJob(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackAcceptJob(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("acceptJob", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80a5877c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptJob(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackAcceptJob(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("acceptJob", id, job)
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (jobMarket *JobMarket) PackAcceptOwnership() []byte {
	enc, err := jobMarket.abi.Pack("acceptOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptOwnership() returns()
func (jobMarket *JobMarket) TryPackAcceptOwnership() ([]byte, error) {
	return jobMarket.abi.Pack("acceptOwnership")
}

// PackAppeal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3f949ae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function appeal(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackAppeal(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("appeal", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAppeal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe3f949ae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function appeal(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackAppeal(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("appeal", id, job)
}

// PackAppealBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe118f90e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function appealBond(uint32 paramsId_) view returns(uint256)
func (jobMarket *JobMarket) PackAppealBond(paramsId uint32) []byte {
	enc, err := jobMarket.abi.Pack("appealBond", paramsId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAppealBond is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe118f90e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function appealBond(uint32 paramsId_) view returns(uint256)
func (jobMarket *JobMarket) TryPackAppealBond(paramsId uint32) ([]byte, error) {
	return jobMarket.abi.Pack("appealBond", paramsId)
}

// UnpackAppealBond is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe118f90e.
//
// Solidity: function appealBond(uint32 paramsId_) view returns(uint256)
func (jobMarket *JobMarket) UnpackAppealBond(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("appealBond", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAppealInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5920efc4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function appealInfo(uint256 id) view returns(address appellant, uint8 round)
func (jobMarket *JobMarket) PackAppealInfo(id *big.Int) []byte {
	enc, err := jobMarket.abi.Pack("appealInfo", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAppealInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5920efc4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function appealInfo(uint256 id) view returns(address appellant, uint8 round)
func (jobMarket *JobMarket) TryPackAppealInfo(id *big.Int) ([]byte, error) {
	return jobMarket.abi.Pack("appealInfo", id)
}

// AppealInfoOutput serves as a container for the return parameters of contract
// method AppealInfo.
type AppealInfoOutput struct {
	Appellant common.Address
	Round     uint8
}

// UnpackAppealInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5920efc4.
//
// Solidity: function appealInfo(uint256 id) view returns(address appellant, uint8 round)
func (jobMarket *JobMarket) UnpackAppealInfo(data []byte) (AppealInfoOutput, error) {
	out, err := jobMarket.abi.Unpack("appealInfo", data)
	outstruct := new(AppealInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Appellant = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Round = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackBalances is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27e235e3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balances(address ) view returns(uint256)
func (jobMarket *JobMarket) PackBalances(arg0 common.Address) []byte {
	enc, err := jobMarket.abi.Pack("balances", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalances is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27e235e3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balances(address ) view returns(uint256)
func (jobMarket *JobMarket) TryPackBalances(arg0 common.Address) ([]byte, error) {
	return jobMarket.abi.Pack("balances", arg0)
}

// UnpackBalances is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27e235e3.
//
// Solidity: function balances(address ) view returns(uint256)
func (jobMarket *JobMarket) UnpackBalances(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("balances", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1894a23.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challenge(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackChallenge(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("challenge", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1894a23.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challenge(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackChallenge(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("challenge", id, job)
}

// PackChallengeInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b293d2e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function challengeInfo(uint256 id) view returns(address challenger, uint256 bond, uint64 anchorBlock)
func (jobMarket *JobMarket) PackChallengeInfo(id *big.Int) []byte {
	enc, err := jobMarket.abi.Pack("challengeInfo", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChallengeInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b293d2e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function challengeInfo(uint256 id) view returns(address challenger, uint256 bond, uint64 anchorBlock)
func (jobMarket *JobMarket) TryPackChallengeInfo(id *big.Int) ([]byte, error) {
	return jobMarket.abi.Pack("challengeInfo", id)
}

// ChallengeInfoOutput serves as a container for the return parameters of contract
// method ChallengeInfo.
type ChallengeInfoOutput struct {
	Challenger  common.Address
	Bond        *big.Int
	AnchorBlock uint64
}

// UnpackChallengeInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8b293d2e.
//
// Solidity: function challengeInfo(uint256 id) view returns(address challenger, uint256 bond, uint64 anchorBlock)
func (jobMarket *JobMarket) UnpackChallengeInfo(data []byte) (ChallengeInfoOutput, error) {
	out, err := jobMarket.abi.Unpack("challengeInfo", data)
	outstruct := new(ChallengeInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Challenger = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Bond = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.AnchorBlock = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackClaimTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2730098d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimTimeout(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackClaimTimeout(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("claimTimeout", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimTimeout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2730098d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimTimeout(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackClaimTimeout(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("claimTimeout", id, job)
}

// PackCommitReplica is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacf9fdfc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitReplica(uint256 id, uint8 index, bytes32 commitment) returns()
func (jobMarket *JobMarket) PackCommitReplica(id *big.Int, index uint8, commitment [32]byte) []byte {
	enc, err := jobMarket.abi.Pack("commitReplica", id, index, commitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitReplica is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacf9fdfc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitReplica(uint256 id, uint8 index, bytes32 commitment) returns()
func (jobMarket *JobMarket) TryPackCommitReplica(id *big.Int, index uint8, commitment [32]byte) ([]byte, error) {
	return jobMarket.abi.Pack("commitReplica", id, index, commitment)
}

// PackCommitResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x202f1e1b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitResult(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job, bytes cid) returns()
func (jobMarket *JobMarket) PackCommitResult(id *big.Int, job JobMarketJob, cid []byte) []byte {
	enc, err := jobMarket.abi.Pack("commitResult", id, job, cid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x202f1e1b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitResult(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job, bytes cid) returns()
func (jobMarket *JobMarket) TryPackCommitResult(id *big.Int, job JobMarketJob, cid []byte) ([]byte, error) {
	return jobMarket.abi.Pack("commitResult", id, job, cid)
}

// PackCommitVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a615ffc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitVote(uint256 id, uint8 index, bytes32 commitment) returns()
func (jobMarket *JobMarket) PackCommitVote(id *big.Int, index uint8, commitment [32]byte) []byte {
	enc, err := jobMarket.abi.Pack("commitVote", id, index, commitment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a615ffc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitVote(uint256 id, uint8 index, bytes32 commitment) returns()
func (jobMarket *JobMarket) TryPackCommitVote(id *big.Int, index uint8, commitment [32]byte) ([]byte, error) {
	return jobMarket.abi.Pack("commitVote", id, index, commitment)
}

// PackCommitmentFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3366eb6e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitmentFor(uint256 id, uint8 kind, address account, bytes32 resultHash, bytes32 salt) view returns(bytes32)
func (jobMarket *JobMarket) PackCommitmentFor(id *big.Int, kind uint8, account common.Address, resultHash [32]byte, salt [32]byte) []byte {
	enc, err := jobMarket.abi.Pack("commitmentFor", id, kind, account, resultHash, salt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitmentFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3366eb6e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitmentFor(uint256 id, uint8 kind, address account, bytes32 resultHash, bytes32 salt) view returns(bytes32)
func (jobMarket *JobMarket) TryPackCommitmentFor(id *big.Int, kind uint8, account common.Address, resultHash [32]byte, salt [32]byte) ([]byte, error) {
	return jobMarket.abi.Pack("commitmentFor", id, kind, account, resultHash, salt)
}

// UnpackCommitmentFor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3366eb6e.
//
// Solidity: function commitmentFor(uint256 id, uint8 kind, address account, bytes32 resultHash, bytes32 salt) view returns(bytes32)
func (jobMarket *JobMarket) UnpackCommitmentFor(data []byte) ([32]byte, error) {
	out, err := jobMarket.abi.Unpack("commitmentFor", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDrawVerifiers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x88802a41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function drawVerifiers(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackDrawVerifiers(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("drawVerifiers", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDrawVerifiers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x88802a41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function drawVerifiers(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackDrawVerifiers(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("drawVerifiers", id, job)
}

// PackFinalize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x29205961.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function finalize(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackFinalize(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("finalize", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFinalize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x29205961.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function finalize(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackFinalize(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("finalize", id, job)
}

// PackFinalizeBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86ac6c4c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function finalizeBatch(uint256[] ids, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8)[] jobs) returns()
func (jobMarket *JobMarket) PackFinalizeBatch(ids []*big.Int, jobs []JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("finalizeBatch", ids, jobs)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFinalizeBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86ac6c4c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function finalizeBatch(uint256[] ids, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8)[] jobs) returns()
func (jobMarket *JobMarket) TryPackFinalizeBatch(ids []*big.Int, jobs []JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("finalizeBatch", ids, jobs)
}

// PackGetMember is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea95bb1b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMember(uint256 id, uint8 kind, uint256 index) view returns((address,bytes32,bytes32))
func (jobMarket *JobMarket) PackGetMember(id *big.Int, kind uint8, index *big.Int) []byte {
	enc, err := jobMarket.abi.Pack("getMember", id, kind, index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMember is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea95bb1b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMember(uint256 id, uint8 kind, uint256 index) view returns((address,bytes32,bytes32))
func (jobMarket *JobMarket) TryPackGetMember(id *big.Int, kind uint8, index *big.Int) ([]byte, error) {
	return jobMarket.abi.Pack("getMember", id, kind, index)
}

// UnpackGetMember is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xea95bb1b.
//
// Solidity: function getMember(uint256 id, uint8 kind, uint256 index) view returns((address,bytes32,bytes32))
func (jobMarket *JobMarket) UnpackGetMember(data []byte) (JobMarketMember, error) {
	out, err := jobMarket.abi.Unpack("getMember", data)
	if err != nil {
		return *new(JobMarketMember), err
	}
	out0 := *abi.ConvertType(out[0], new(JobMarketMember)).(*JobMarketMember)
	return out0, nil
}

// PackGetPanel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf6866b91.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPanel(uint256 id, uint8 kind) view returns((uint8,uint8,uint8,uint8,bool,uint64,uint64))
func (jobMarket *JobMarket) PackGetPanel(id *big.Int, kind uint8) []byte {
	enc, err := jobMarket.abi.Pack("getPanel", id, kind)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPanel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf6866b91.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPanel(uint256 id, uint8 kind) view returns((uint8,uint8,uint8,uint8,bool,uint64,uint64))
func (jobMarket *JobMarket) TryPackGetPanel(id *big.Int, kind uint8) ([]byte, error) {
	return jobMarket.abi.Pack("getPanel", id, kind)
}

// UnpackGetPanel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf6866b91.
//
// Solidity: function getPanel(uint256 id, uint8 kind) view returns((uint8,uint8,uint8,uint8,bool,uint64,uint64))
func (jobMarket *JobMarket) UnpackGetPanel(data []byte) (JobMarketPanel, error) {
	out, err := jobMarket.abi.Unpack("getPanel", data)
	if err != nil {
		return *new(JobMarketPanel), err
	}
	out0 := *abi.ConvertType(out[0], new(JobMarketPanel)).(*JobMarketPanel)
	return out0, nil
}

// PackHashJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40136a73.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashJob((address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) pure returns(bytes32)
func (jobMarket *JobMarket) PackHashJob(job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("hashJob", job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40136a73.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashJob((address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) pure returns(bytes32)
func (jobMarket *JobMarket) TryPackHashJob(job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("hashJob", job)
}

// UnpackHashJob is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x40136a73.
//
// Solidity: function hashJob((address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) pure returns(bytes32)
func (jobMarket *JobMarket) UnpackHashJob(data []byte) ([32]byte, error) {
	out, err := jobMarket.abi.Unpack("hashJob", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackJobCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c5d8a0f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function jobCount() view returns(uint64)
func (jobMarket *JobMarket) PackJobCount() []byte {
	enc, err := jobMarket.abi.Pack("jobCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJobCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c5d8a0f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function jobCount() view returns(uint64)
func (jobMarket *JobMarket) TryPackJobCount() ([]byte, error) {
	return jobMarket.abi.Pack("jobCount")
}

// UnpackJobCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4c5d8a0f.
//
// Solidity: function jobCount() view returns(uint64)
func (jobMarket *JobMarket) UnpackJobCount(data []byte) (uint64, error) {
	out, err := jobMarket.abi.Unpack("jobCount", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackJobHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x603e2d5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function jobHash(uint256 ) view returns(bytes32)
func (jobMarket *JobMarket) PackJobHash(arg0 *big.Int) []byte {
	enc, err := jobMarket.abi.Pack("jobHash", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJobHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x603e2d5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function jobHash(uint256 ) view returns(bytes32)
func (jobMarket *JobMarket) TryPackJobHash(arg0 *big.Int) ([]byte, error) {
	return jobMarket.abi.Pack("jobHash", arg0)
}

// UnpackJobHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x603e2d5b.
//
// Solidity: function jobHash(uint256 ) view returns(bytes32)
func (jobMarket *JobMarket) UnpackJobHash(data []byte) ([32]byte, error) {
	out, err := jobMarket.abi.Unpack("jobHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMinCollateralFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4316ec51.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minCollateralFor(uint256 payment, uint8 replicas) view returns(uint256)
func (jobMarket *JobMarket) PackMinCollateralFor(payment *big.Int, replicas uint8) []byte {
	enc, err := jobMarket.abi.Pack("minCollateralFor", payment, replicas)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinCollateralFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4316ec51.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minCollateralFor(uint256 payment, uint8 replicas) view returns(uint256)
func (jobMarket *JobMarket) TryPackMinCollateralFor(payment *big.Int, replicas uint8) ([]byte, error) {
	return jobMarket.abi.Pack("minCollateralFor", payment, replicas)
}

// UnpackMinCollateralFor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4316ec51.
//
// Solidity: function minCollateralFor(uint256 payment, uint8 replicas) view returns(uint256)
func (jobMarket *JobMarket) UnpackMinCollateralFor(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("minCollateralFor", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87d6779.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owed() view returns(uint160)
func (jobMarket *JobMarket) PackOwed() []byte {
	enc, err := jobMarket.abi.Pack("owed")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87d6779.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owed() view returns(uint160)
func (jobMarket *JobMarket) TryPackOwed() ([]byte, error) {
	return jobMarket.abi.Pack("owed")
}

// UnpackOwed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87d6779.
//
// Solidity: function owed() view returns(uint160)
func (jobMarket *JobMarket) UnpackOwed(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("owed", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (jobMarket *JobMarket) PackOwner() []byte {
	enc, err := jobMarket.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (jobMarket *JobMarket) TryPackOwner() ([]byte, error) {
	return jobMarket.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (jobMarket *JobMarket) UnpackOwner(data []byte) (common.Address, error) {
	out, err := jobMarket.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5732568.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function params(uint32 id) view returns((uint96,uint16,uint16,uint16,uint8,uint32,uint32,uint32,uint32,uint96,uint96,uint32))
func (jobMarket *JobMarket) PackParams(id uint32) []byte {
	enc, err := jobMarket.abi.Pack("params", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5732568.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function params(uint32 id) view returns((uint96,uint16,uint16,uint16,uint8,uint32,uint32,uint32,uint32,uint96,uint96,uint32))
func (jobMarket *JobMarket) TryPackParams(id uint32) ([]byte, error) {
	return jobMarket.abi.Pack("params", id)
}

// UnpackParams is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf5732568.
//
// Solidity: function params(uint32 id) view returns((uint96,uint16,uint16,uint16,uint8,uint32,uint32,uint32,uint32,uint96,uint96,uint32))
func (jobMarket *JobMarket) UnpackParams(data []byte) (JobMarketParams, error) {
	out, err := jobMarket.abi.Unpack("params", data)
	if err != nil {
		return *new(JobMarketParams), err
	}
	out0 := *abi.ConvertType(out[0], new(JobMarketParams)).(*JobMarketParams)
	return out0, nil
}

// PackParamsId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb727c897.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paramsId() view returns(uint32)
func (jobMarket *JobMarket) PackParamsId() []byte {
	enc, err := jobMarket.abi.Pack("paramsId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackParamsId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb727c897.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paramsId() view returns(uint32)
func (jobMarket *JobMarket) TryPackParamsId() ([]byte, error) {
	return jobMarket.abi.Pack("paramsId")
}

// UnpackParamsId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb727c897.
//
// Solidity: function paramsId() view returns(uint32)
func (jobMarket *JobMarket) UnpackParamsId(data []byte) (uint32, error) {
	out, err := jobMarket.abi.Unpack("paramsId", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (jobMarket *JobMarket) PackPendingOwner() []byte {
	enc, err := jobMarket.abi.Pack("pendingOwner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingOwner() view returns(address)
func (jobMarket *JobMarket) TryPackPendingOwner() ([]byte, error) {
	return jobMarket.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (jobMarket *JobMarket) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := jobMarket.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPostJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b5ad343.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function postJob((bytes32,uint96,uint96,uint8,uint64,uint64,uint32) req) returns(uint256 id)
func (jobMarket *JobMarket) PackPostJob(req JobMarketJobRequest) []byte {
	enc, err := jobMarket.abi.Pack("postJob", req)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPostJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3b5ad343.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function postJob((bytes32,uint96,uint96,uint8,uint64,uint64,uint32) req) returns(uint256 id)
func (jobMarket *JobMarket) TryPackPostJob(req JobMarketJobRequest) ([]byte, error) {
	return jobMarket.abi.Pack("postJob", req)
}

// UnpackPostJob is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3b5ad343.
//
// Solidity: function postJob((bytes32,uint96,uint96,uint8,uint64,uint64,uint32) req) returns(uint256 id)
func (jobMarket *JobMarket) UnpackPostJob(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("postJob", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPostJobWithPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79254920.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function postJobWithPermit((bytes32,uint96,uint96,uint8,uint64,uint64,uint32) req, (uint256,uint8,bytes32,bytes32) permit) returns(uint256 id)
func (jobMarket *JobMarket) PackPostJobWithPermit(req JobMarketJobRequest, permit JobMarketPermit) []byte {
	enc, err := jobMarket.abi.Pack("postJobWithPermit", req, permit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPostJobWithPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79254920.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function postJobWithPermit((bytes32,uint96,uint96,uint8,uint64,uint64,uint32) req, (uint256,uint8,bytes32,bytes32) permit) returns(uint256 id)
func (jobMarket *JobMarket) TryPackPostJobWithPermit(req JobMarketJobRequest, permit JobMarketPermit) ([]byte, error) {
	return jobMarket.abi.Pack("postJobWithPermit", req, permit)
}

// UnpackPostJobWithPermit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x79254920.
//
// Solidity: function postJobWithPermit((bytes32,uint96,uint96,uint8,uint64,uint64,uint32) req, (uint256,uint8,bytes32,bytes32) permit) returns(uint256 id)
func (jobMarket *JobMarket) UnpackPostJobWithPermit(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("postJobWithPermit", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReclaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b766a72.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reclaim(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackReclaim(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("reclaim", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReclaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b766a72.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reclaim(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackReclaim(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("reclaim", id, job)
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (jobMarket *JobMarket) PackRegistry() []byte {
	enc, err := jobMarket.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (jobMarket *JobMarket) TryPackRegistry() ([]byte, error) {
	return jobMarket.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (jobMarket *JobMarket) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := jobMarket.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (jobMarket *JobMarket) PackRenounceOwnership() []byte {
	enc, err := jobMarket.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (jobMarket *JobMarket) TryPackRenounceOwnership() ([]byte, error) {
	return jobMarket.abi.Pack("renounceOwnership")
}

// PackResolveChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91cbf1c6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveChallenge(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackResolveChallenge(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("resolveChallenge", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveChallenge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91cbf1c6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveChallenge(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackResolveChallenge(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("resolveChallenge", id, job)
}

// PackResolveReplicas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbdc7930c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveReplicas(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) PackResolveReplicas(id *big.Int, job JobMarketJob) []byte {
	enc, err := jobMarket.abi.Pack("resolveReplicas", id, job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveReplicas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbdc7930c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveReplicas(uint256 id, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job) returns()
func (jobMarket *JobMarket) TryPackResolveReplicas(id *big.Int, job JobMarketJob) ([]byte, error) {
	return jobMarket.abi.Pack("resolveReplicas", id, job)
}

// PackRevealReplica is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf2a01b0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revealReplica(uint256 id, uint8 index, bytes cid, bytes32 salt) returns()
func (jobMarket *JobMarket) PackRevealReplica(id *big.Int, index uint8, cid []byte, salt [32]byte) []byte {
	enc, err := jobMarket.abi.Pack("revealReplica", id, index, cid, salt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevealReplica is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf2a01b0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revealReplica(uint256 id, uint8 index, bytes cid, bytes32 salt) returns()
func (jobMarket *JobMarket) TryPackRevealReplica(id *big.Int, index uint8, cid []byte, salt [32]byte) ([]byte, error) {
	return jobMarket.abi.Pack("revealReplica", id, index, cid, salt)
}

// PackRevealVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6216b922.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revealVote(uint256 id, uint8 index, bytes cid, bytes32 salt) returns()
func (jobMarket *JobMarket) PackRevealVote(id *big.Int, index uint8, cid []byte, salt [32]byte) []byte {
	enc, err := jobMarket.abi.Pack("revealVote", id, index, cid, salt)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevealVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6216b922.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revealVote(uint256 id, uint8 index, bytes cid, bytes32 salt) returns()
func (jobMarket *JobMarket) TryPackRevealVote(id *big.Int, index uint8, cid []byte, salt [32]byte) ([]byte, error) {
	return jobMarket.abi.Pack("revealVote", id, index, cid, salt)
}

// PackSetParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x560abae4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setParams((uint96,uint16,uint16,uint16,uint8,uint32,uint32,uint32,uint32,uint96,uint96,uint32) params_) returns()
func (jobMarket *JobMarket) PackSetParams(params JobMarketParams) []byte {
	enc, err := jobMarket.abi.Pack("setParams", params)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x560abae4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setParams((uint96,uint16,uint16,uint16,uint8,uint32,uint32,uint32,uint32,uint96,uint96,uint32) params_) returns()
func (jobMarket *JobMarket) TryPackSetParams(params JobMarketParams) ([]byte, error) {
	return jobMarket.abi.Pack("setParams", params)
}

// PackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTreasury(address treasury_) returns()
func (jobMarket *JobMarket) PackSetTreasury(treasury common.Address) []byte {
	enc, err := jobMarket.abi.Pack("setTreasury", treasury)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTreasury(address treasury_) returns()
func (jobMarket *JobMarket) TryPackSetTreasury(treasury common.Address) ([]byte, error) {
	return jobMarket.abi.Pack("setTreasury", treasury)
}

// PackSweepSurplus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x855bd22d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sweepSurplus() returns(uint256 amount)
func (jobMarket *JobMarket) PackSweepSurplus() []byte {
	enc, err := jobMarket.abi.Pack("sweepSurplus")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSweepSurplus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x855bd22d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sweepSurplus() returns(uint256 amount)
func (jobMarket *JobMarket) TryPackSweepSurplus() ([]byte, error) {
	return jobMarket.abi.Pack("sweepSurplus")
}

// UnpackSweepSurplus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x855bd22d.
//
// Solidity: function sweepSurplus() returns(uint256 amount)
func (jobMarket *JobMarket) UnpackSweepSurplus(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("sweepSurplus", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (jobMarket *JobMarket) PackToken() []byte {
	enc, err := jobMarket.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (jobMarket *JobMarket) TryPackToken() ([]byte, error) {
	return jobMarket.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (jobMarket *JobMarket) UnpackToken(data []byte) (common.Address, error) {
	out, err := jobMarket.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (jobMarket *JobMarket) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := jobMarket.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (jobMarket *JobMarket) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return jobMarket.abi.Pack("transferOwnership", newOwner)
}

// PackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasury() view returns(address)
func (jobMarket *JobMarket) PackTreasury() []byte {
	enc, err := jobMarket.abi.Pack("treasury")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treasury() view returns(address)
func (jobMarket *JobMarket) TryPackTreasury() ([]byte, error) {
	return jobMarket.abi.Pack("treasury")
}

// UnpackTreasury is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (jobMarket *JobMarket) UnpackTreasury(data []byte) (common.Address, error) {
	out, err := jobMarket.abi.Unpack("treasury", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTreasuryAccrued is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc279009.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasuryAccrued() view returns(uint256)
func (jobMarket *JobMarket) PackTreasuryAccrued() []byte {
	enc, err := jobMarket.abi.Pack("treasuryAccrued")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreasuryAccrued is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc279009.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treasuryAccrued() view returns(uint256)
func (jobMarket *JobMarket) TryPackTreasuryAccrued() ([]byte, error) {
	return jobMarket.abi.Pack("treasuryAccrued")
}

// UnpackTreasuryAccrued is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcc279009.
//
// Solidity: function treasuryAccrued() view returns(uint256)
func (jobMarket *JobMarket) UnpackTreasuryAccrued(data []byte) (*big.Int, error) {
	out, err := jobMarket.abi.Unpack("treasuryAccrued", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (jobMarket *JobMarket) PackWithdraw() []byte {
	enc, err := jobMarket.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (jobMarket *JobMarket) TryPackWithdraw() ([]byte, error) {
	return jobMarket.abi.Pack("withdraw")
}

// PackWithdrawFees is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x476343ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawFees() returns()
func (jobMarket *JobMarket) PackWithdrawFees() []byte {
	enc, err := jobMarket.abi.Pack("withdrawFees")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawFees is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x476343ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawFees() returns()
func (jobMarket *JobMarket) TryPackWithdrawFees() ([]byte, error) {
	return jobMarket.abi.Pack("withdrawFees")
}

// JobMarketAppealOpened represents a AppealOpened event raised by the JobMarket contract.
type JobMarketAppealOpened struct {
	Id           *big.Int
	Appellant    common.Address
	Bond         *big.Int
	AnchorBlock  uint64
	FirstOutcome uint8
	Raw          *types.Log // Blockchain specific contextual infos
}

const JobMarketAppealOpenedEventName = "AppealOpened"

// ContractEventName returns the user-defined event name.
func (JobMarketAppealOpened) ContractEventName() string {
	return JobMarketAppealOpenedEventName
}

// UnpackAppealOpenedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AppealOpened(uint256 indexed id, address indexed appellant, uint256 bond, uint64 anchorBlock, uint8 firstOutcome)
func (jobMarket *JobMarket) UnpackAppealOpenedEvent(log *types.Log) (*JobMarketAppealOpened, error) {
	event := "AppealOpened"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketAppealOpened)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketChallengeOpened represents a ChallengeOpened event raised by the JobMarket contract.
type JobMarketChallengeOpened struct {
	Id          *big.Int
	Challenger  common.Address
	Bond        *big.Int
	AnchorBlock uint64
	Job         JobMarketJob
	Raw         *types.Log // Blockchain specific contextual infos
}

const JobMarketChallengeOpenedEventName = "ChallengeOpened"

// ContractEventName returns the user-defined event name.
func (JobMarketChallengeOpened) ContractEventName() string {
	return JobMarketChallengeOpenedEventName
}

// UnpackChallengeOpenedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ChallengeOpened(uint256 indexed id, address indexed challenger, uint256 bond, uint64 anchorBlock, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job)
func (jobMarket *JobMarket) UnpackChallengeOpenedEvent(log *types.Log) (*JobMarketChallengeOpened, error) {
	event := "ChallengeOpened"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketChallengeOpened)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketChallengeResolved represents a ChallengeResolved event raised by the JobMarket contract.
type JobMarketChallengeResolved struct {
	Id       *big.Int
	Outcome  uint8
	Agree    uint8
	Disagree uint8
	Job      JobMarketJob
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketChallengeResolvedEventName = "ChallengeResolved"

// ContractEventName returns the user-defined event name.
func (JobMarketChallengeResolved) ContractEventName() string {
	return JobMarketChallengeResolvedEventName
}

// UnpackChallengeResolvedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ChallengeResolved(uint256 indexed id, uint8 outcome, uint8 agree, uint8 disagree, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job)
func (jobMarket *JobMarket) UnpackChallengeResolvedEvent(log *types.Log) (*JobMarketChallengeResolved, error) {
	event := "ChallengeResolved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketChallengeResolved)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketCollateralSlashed represents a CollateralSlashed event raised by the JobMarket contract.
type JobMarketCollateralSlashed struct {
	Id      *big.Int
	Account common.Address
	Amount  *big.Int
	Reason  uint8
	Raw     *types.Log // Blockchain specific contextual infos
}

const JobMarketCollateralSlashedEventName = "CollateralSlashed"

// ContractEventName returns the user-defined event name.
func (JobMarketCollateralSlashed) ContractEventName() string {
	return JobMarketCollateralSlashedEventName
}

// UnpackCollateralSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CollateralSlashed(uint256 indexed id, address indexed account, uint256 amount, uint8 reason)
func (jobMarket *JobMarket) UnpackCollateralSlashedEvent(log *types.Log) (*JobMarketCollateralSlashed, error) {
	event := "CollateralSlashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketCollateralSlashed)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketCredited represents a Credited event raised by the JobMarket contract.
type JobMarketCredited struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const JobMarketCreditedEventName = "Credited"

// ContractEventName returns the user-defined event name.
func (JobMarketCredited) ContractEventName() string {
	return JobMarketCreditedEventName
}

// UnpackCreditedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Credited(address indexed account, uint256 amount)
func (jobMarket *JobMarket) UnpackCreditedEvent(log *types.Log) (*JobMarketCredited, error) {
	event := "Credited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketCredited)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketDrawReanchored represents a DrawReanchored event raised by the JobMarket contract.
type JobMarketDrawReanchored struct {
	Id          *big.Int
	AnchorBlock uint64
	Raw         *types.Log // Blockchain specific contextual infos
}

const JobMarketDrawReanchoredEventName = "DrawReanchored"

// ContractEventName returns the user-defined event name.
func (JobMarketDrawReanchored) ContractEventName() string {
	return JobMarketDrawReanchoredEventName
}

// UnpackDrawReanchoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DrawReanchored(uint256 indexed id, uint64 anchorBlock)
func (jobMarket *JobMarket) UnpackDrawReanchoredEvent(log *types.Log) (*JobMarketDrawReanchored, error) {
	event := "DrawReanchored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketDrawReanchored)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketFeesWithdrawn represents a FeesWithdrawn event raised by the JobMarket contract.
type JobMarketFeesWithdrawn struct {
	Treasury common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketFeesWithdrawnEventName = "FeesWithdrawn"

// ContractEventName returns the user-defined event name.
func (JobMarketFeesWithdrawn) ContractEventName() string {
	return JobMarketFeesWithdrawnEventName
}

// UnpackFeesWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FeesWithdrawn(address indexed treasury, uint256 amount)
func (jobMarket *JobMarket) UnpackFeesWithdrawnEvent(log *types.Log) (*JobMarketFeesWithdrawn, error) {
	event := "FeesWithdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketFeesWithdrawn)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketFirstPanelJudged represents a FirstPanelJudged event raised by the JobMarket contract.
type JobMarketFirstPanelJudged struct {
	Id      *big.Int
	Kept    uint8
	Slashed uint8
	Share   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const JobMarketFirstPanelJudgedEventName = "FirstPanelJudged"

// ContractEventName returns the user-defined event name.
func (JobMarketFirstPanelJudged) ContractEventName() string {
	return JobMarketFirstPanelJudgedEventName
}

// UnpackFirstPanelJudgedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event FirstPanelJudged(uint256 indexed id, uint8 kept, uint8 slashed, uint256 share)
func (jobMarket *JobMarket) UnpackFirstPanelJudgedEvent(log *types.Log) (*JobMarketFirstPanelJudged, error) {
	event := "FirstPanelJudged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketFirstPanelJudged)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketJobAccepted represents a JobAccepted event raised by the JobMarket contract.
type JobMarketJobAccepted struct {
	Id       *big.Int
	Provider common.Address
	Job      JobMarketJob
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketJobAcceptedEventName = "JobAccepted"

// ContractEventName returns the user-defined event name.
func (JobMarketJobAccepted) ContractEventName() string {
	return JobMarketJobAcceptedEventName
}

// UnpackJobAcceptedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobAccepted(uint256 indexed id, address indexed provider, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job)
func (jobMarket *JobMarket) UnpackJobAcceptedEvent(log *types.Log) (*JobMarketJobAccepted, error) {
	event := "JobAccepted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketJobAccepted)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketJobFinalized represents a JobFinalized event raised by the JobMarket contract.
type JobMarketJobFinalized struct {
	Id       *big.Int
	Provider common.Address
	Paid     *big.Int
	Fee      *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketJobFinalizedEventName = "JobFinalized"

// ContractEventName returns the user-defined event name.
func (JobMarketJobFinalized) ContractEventName() string {
	return JobMarketJobFinalizedEventName
}

// UnpackJobFinalizedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobFinalized(uint256 indexed id, address indexed provider, uint256 paid, uint256 fee)
func (jobMarket *JobMarket) UnpackJobFinalizedEvent(log *types.Log) (*JobMarketJobFinalized, error) {
	event := "JobFinalized"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketJobFinalized)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketJobPosted represents a JobPosted event raised by the JobMarket contract.
type JobMarketJobPosted struct {
	Id     *big.Int
	Client common.Address
	Job    JobMarketJob
	Raw    *types.Log // Blockchain specific contextual infos
}

const JobMarketJobPostedEventName = "JobPosted"

// ContractEventName returns the user-defined event name.
func (JobMarketJobPosted) ContractEventName() string {
	return JobMarketJobPostedEventName
}

// UnpackJobPostedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobPosted(uint256 indexed id, address indexed client, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job)
func (jobMarket *JobMarket) UnpackJobPostedEvent(log *types.Log) (*JobMarketJobPosted, error) {
	event := "JobPosted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketJobPosted)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketJobReclaimed represents a JobReclaimed event raised by the JobMarket contract.
type JobMarketJobReclaimed struct {
	Id     *big.Int
	Client common.Address
	Refund *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const JobMarketJobReclaimedEventName = "JobReclaimed"

// ContractEventName returns the user-defined event name.
func (JobMarketJobReclaimed) ContractEventName() string {
	return JobMarketJobReclaimedEventName
}

// UnpackJobReclaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobReclaimed(uint256 indexed id, address indexed client, uint256 refund)
func (jobMarket *JobMarket) UnpackJobReclaimedEvent(log *types.Log) (*JobMarketJobReclaimed, error) {
	event := "JobReclaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketJobReclaimed)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketJobTimedOut represents a JobTimedOut event raised by the JobMarket contract.
type JobMarketJobTimedOut struct {
	Id       *big.Int
	Provider common.Address
	Refund   *big.Int
	Slashed  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketJobTimedOutEventName = "JobTimedOut"

// ContractEventName returns the user-defined event name.
func (JobMarketJobTimedOut) ContractEventName() string {
	return JobMarketJobTimedOutEventName
}

// UnpackJobTimedOutEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobTimedOut(uint256 indexed id, address indexed provider, uint256 refund, uint256 slashed)
func (jobMarket *JobMarket) UnpackJobTimedOutEvent(log *types.Log) (*JobMarketJobTimedOut, error) {
	event := "JobTimedOut"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketJobTimedOut)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the JobMarket contract.
type JobMarketOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const JobMarketOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (JobMarketOwnershipTransferStarted) ContractEventName() string {
	return JobMarketOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (jobMarket *JobMarket) UnpackOwnershipTransferStartedEvent(log *types.Log) (*JobMarketOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketOwnershipTransferred represents a OwnershipTransferred event raised by the JobMarket contract.
type JobMarketOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const JobMarketOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (JobMarketOwnershipTransferred) ContractEventName() string {
	return JobMarketOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (jobMarket *JobMarket) UnpackOwnershipTransferredEvent(log *types.Log) (*JobMarketOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketPanelCommitted represents a PanelCommitted event raised by the JobMarket contract.
type JobMarketPanelCommitted struct {
	Id         *big.Int
	Kind       uint8
	Index      uint8
	Account    common.Address
	Commitment [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const JobMarketPanelCommittedEventName = "PanelCommitted"

// ContractEventName returns the user-defined event name.
func (JobMarketPanelCommitted) ContractEventName() string {
	return JobMarketPanelCommittedEventName
}

// UnpackPanelCommittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PanelCommitted(uint256 indexed id, uint8 kind, uint8 index, address indexed account, bytes32 commitment)
func (jobMarket *JobMarket) UnpackPanelCommittedEvent(log *types.Log) (*JobMarketPanelCommitted, error) {
	event := "PanelCommitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketPanelCommitted)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketPanelRevealed represents a PanelRevealed event raised by the JobMarket contract.
type JobMarketPanelRevealed struct {
	Id      *big.Int
	Kind    uint8
	Index   uint8
	Account common.Address
	Cid     []byte
	Raw     *types.Log // Blockchain specific contextual infos
}

const JobMarketPanelRevealedEventName = "PanelRevealed"

// ContractEventName returns the user-defined event name.
func (JobMarketPanelRevealed) ContractEventName() string {
	return JobMarketPanelRevealedEventName
}

// UnpackPanelRevealedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PanelRevealed(uint256 indexed id, uint8 kind, uint8 index, address indexed account, bytes cid)
func (jobMarket *JobMarket) UnpackPanelRevealedEvent(log *types.Log) (*JobMarketPanelRevealed, error) {
	event := "PanelRevealed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketPanelRevealed)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketParamsSet represents a ParamsSet event raised by the JobMarket contract.
type JobMarketParamsSet struct {
	ParamsId uint32
	Params   JobMarketParams
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketParamsSetEventName = "ParamsSet"

// ContractEventName returns the user-defined event name.
func (JobMarketParamsSet) ContractEventName() string {
	return JobMarketParamsSetEventName
}

// UnpackParamsSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ParamsSet(uint32 indexed paramsId, (uint96,uint16,uint16,uint16,uint8,uint32,uint32,uint32,uint32,uint96,uint96,uint32) params)
func (jobMarket *JobMarket) UnpackParamsSetEvent(log *types.Log) (*JobMarketParamsSet, error) {
	event := "ParamsSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketParamsSet)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketReplicaAccepted represents a ReplicaAccepted event raised by the JobMarket contract.
type JobMarketReplicaAccepted struct {
	Id       *big.Int
	Provider common.Address
	Index    uint8
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketReplicaAcceptedEventName = "ReplicaAccepted"

// ContractEventName returns the user-defined event name.
func (JobMarketReplicaAccepted) ContractEventName() string {
	return JobMarketReplicaAcceptedEventName
}

// UnpackReplicaAcceptedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReplicaAccepted(uint256 indexed id, address indexed provider, uint8 index)
func (jobMarket *JobMarket) UnpackReplicaAcceptedEvent(log *types.Log) (*JobMarketReplicaAccepted, error) {
	event := "ReplicaAccepted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketReplicaAccepted)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketReplicaVindicated represents a ReplicaVindicated event raised by the JobMarket contract.
type JobMarketReplicaVindicated struct {
	Id         *big.Int
	Account    common.Address
	Collateral *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const JobMarketReplicaVindicatedEventName = "ReplicaVindicated"

// ContractEventName returns the user-defined event name.
func (JobMarketReplicaVindicated) ContractEventName() string {
	return JobMarketReplicaVindicatedEventName
}

// UnpackReplicaVindicatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReplicaVindicated(uint256 indexed id, address indexed account, uint256 collateral)
func (jobMarket *JobMarket) UnpackReplicaVindicatedEvent(log *types.Log) (*JobMarketReplicaVindicated, error) {
	event := "ReplicaVindicated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketReplicaVindicated)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketReplicasResolved represents a ReplicasResolved event raised by the JobMarket contract.
type JobMarketReplicasResolved struct {
	Id      *big.Int
	Agreed  bool
	Winners uint8
	Job     JobMarketJob
	Raw     *types.Log // Blockchain specific contextual infos
}

const JobMarketReplicasResolvedEventName = "ReplicasResolved"

// ContractEventName returns the user-defined event name.
func (JobMarketReplicasResolved) ContractEventName() string {
	return JobMarketReplicasResolvedEventName
}

// UnpackReplicasResolvedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReplicasResolved(uint256 indexed id, bool agreed, uint8 winners, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job)
func (jobMarket *JobMarket) UnpackReplicasResolvedEvent(log *types.Log) (*JobMarketReplicasResolved, error) {
	event := "ReplicasResolved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketReplicasResolved)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketResultCommitted represents a ResultCommitted event raised by the JobMarket contract.
type JobMarketResultCommitted struct {
	Id       *big.Int
	Provider common.Address
	Cid      []byte
	Job      JobMarketJob
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketResultCommittedEventName = "ResultCommitted"

// ContractEventName returns the user-defined event name.
func (JobMarketResultCommitted) ContractEventName() string {
	return JobMarketResultCommittedEventName
}

// UnpackResultCommittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ResultCommitted(uint256 indexed id, address indexed provider, bytes cid, (address,uint96,address,uint96,bytes32,bytes32,uint64,uint64,uint64,uint32,uint32,uint16,uint8,uint8,uint8) job)
func (jobMarket *JobMarket) UnpackResultCommittedEvent(log *types.Log) (*JobMarketResultCommitted, error) {
	event := "ResultCommitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketResultCommitted)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketSurplusSwept represents a SurplusSwept event raised by the JobMarket contract.
type JobMarketSurplusSwept struct {
	Caller common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const JobMarketSurplusSweptEventName = "SurplusSwept"

// ContractEventName returns the user-defined event name.
func (JobMarketSurplusSwept) ContractEventName() string {
	return JobMarketSurplusSweptEventName
}

// UnpackSurplusSweptEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SurplusSwept(address indexed caller, uint256 amount)
func (jobMarket *JobMarket) UnpackSurplusSweptEvent(log *types.Log) (*JobMarketSurplusSwept, error) {
	event := "SurplusSwept"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketSurplusSwept)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketTreasuryCredited represents a TreasuryCredited event raised by the JobMarket contract.
type JobMarketTreasuryCredited struct {
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const JobMarketTreasuryCreditedEventName = "TreasuryCredited"

// ContractEventName returns the user-defined event name.
func (JobMarketTreasuryCredited) ContractEventName() string {
	return JobMarketTreasuryCreditedEventName
}

// UnpackTreasuryCreditedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasuryCredited(uint256 amount)
func (jobMarket *JobMarket) UnpackTreasuryCreditedEvent(log *types.Log) (*JobMarketTreasuryCredited, error) {
	event := "TreasuryCredited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketTreasuryCredited)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketTreasurySet represents a TreasurySet event raised by the JobMarket contract.
type JobMarketTreasurySet struct {
	Treasury common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const JobMarketTreasurySetEventName = "TreasurySet"

// ContractEventName returns the user-defined event name.
func (JobMarketTreasurySet) ContractEventName() string {
	return JobMarketTreasurySetEventName
}

// UnpackTreasurySetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasurySet(address indexed treasury)
func (jobMarket *JobMarket) UnpackTreasurySetEvent(log *types.Log) (*JobMarketTreasurySet, error) {
	event := "TreasurySet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketTreasurySet)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketVerifiersDrawn represents a VerifiersDrawn event raised by the JobMarket contract.
type JobMarketVerifiersDrawn struct {
	Id        *big.Int
	Verifiers []common.Address
	CommitBy  uint64
	RevealBy  uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const JobMarketVerifiersDrawnEventName = "VerifiersDrawn"

// ContractEventName returns the user-defined event name.
func (JobMarketVerifiersDrawn) ContractEventName() string {
	return JobMarketVerifiersDrawnEventName
}

// UnpackVerifiersDrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VerifiersDrawn(uint256 indexed id, address[] verifiers, uint64 commitBy, uint64 revealBy)
func (jobMarket *JobMarket) UnpackVerifiersDrawnEvent(log *types.Log) (*JobMarketVerifiersDrawn, error) {
	event := "VerifiersDrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketVerifiersDrawn)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// JobMarketWithdrawn represents a Withdrawn event raised by the JobMarket contract.
type JobMarketWithdrawn struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const JobMarketWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (JobMarketWithdrawn) ContractEventName() string {
	return JobMarketWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed account, uint256 amount)
func (jobMarket *JobMarket) UnpackWithdrawnEvent(log *types.Log) (*JobMarketWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != jobMarket.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(JobMarketWithdrawn)
	if len(log.Data) > 0 {
		if err := jobMarket.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range jobMarket.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (jobMarket *JobMarket) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["AlreadyCommitted"].ID.Bytes()[:4]) {
		return jobMarket.UnpackAlreadyCommittedError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["AlreadyDrawn"].ID.Bytes()[:4]) {
		return jobMarket.UnpackAlreadyDrawnError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["AlreadyReplica"].ID.Bytes()[:4]) {
		return jobMarket.UnpackAlreadyReplicaError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["AlreadyRevealed"].ID.Bytes()[:4]) {
		return jobMarket.UnpackAlreadyRevealedError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["BadBatch"].ID.Bytes()[:4]) {
		return jobMarket.UnpackBadBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["BadCid"].ID.Bytes()[:4]) {
		return jobMarket.UnpackBadCidError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["BadParams"].ID.Bytes()[:4]) {
		return jobMarket.UnpackBadParamsError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["BadRequest"].ID.Bytes()[:4]) {
		return jobMarket.UnpackBadRequestError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["CollateralBelowRatio"].ID.Bytes()[:4]) {
		return jobMarket.UnpackCollateralBelowRatioError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["CommitmentMismatch"].ID.Bytes()[:4]) {
		return jobMarket.UnpackCommitmentMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["JobFull"].ID.Bytes()[:4]) {
		return jobMarket.UnpackJobFullError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["NoSurplus"].ID.Bytes()[:4]) {
		return jobMarket.UnpackNoSurplusError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["NotAppealable"].ID.Bytes()[:4]) {
		return jobMarket.UnpackNotAppealableError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["NotCommitted"].ID.Bytes()[:4]) {
		return jobMarket.UnpackNotCommittedError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["NotDrawn"].ID.Bytes()[:4]) {
		return jobMarket.UnpackNotDrawnError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["NotPanelMember"].ID.Bytes()[:4]) {
		return jobMarket.UnpackNotPanelMemberError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["NotProvider"].ID.Bytes()[:4]) {
		return jobMarket.UnpackNotProviderError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return jobMarket.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return jobMarket.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return jobMarket.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["PanelNotReady"].ID.Bytes()[:4]) {
		return jobMarket.UnpackPanelNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return jobMarket.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return jobMarket.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["SelfChallenge"].ID.Bytes()[:4]) {
		return jobMarket.UnpackSelfChallengeError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["StaleJobRecord"].ID.Bytes()[:4]) {
		return jobMarket.UnpackStaleJobRecordError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["TooEarly"].ID.Bytes()[:4]) {
		return jobMarket.UnpackTooEarlyError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["TooLate"].ID.Bytes()[:4]) {
		return jobMarket.UnpackTooLateError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["UnknownJob"].ID.Bytes()[:4]) {
		return jobMarket.UnpackUnknownJobError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["WrongReplicaMode"].ID.Bytes()[:4]) {
		return jobMarket.UnpackWrongReplicaModeError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["WrongStatus"].ID.Bytes()[:4]) {
		return jobMarket.UnpackWrongStatusError(raw[4:])
	}
	if bytes.Equal(raw[:4], jobMarket.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return jobMarket.UnpackZeroAddressError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// JobMarketAlreadyCommitted represents a AlreadyCommitted error raised by the JobMarket contract.
type JobMarketAlreadyCommitted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyCommitted()
func JobMarketAlreadyCommittedErrorID() common.Hash {
	return common.HexToHash("0xbfec55587600524a9afa4af6da1e1345f08fce59d99e4869f19166c295681a3a")
}

// UnpackAlreadyCommittedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyCommitted()
func (jobMarket *JobMarket) UnpackAlreadyCommittedError(raw []byte) (*JobMarketAlreadyCommitted, error) {
	out := new(JobMarketAlreadyCommitted)
	if err := jobMarket.abi.UnpackIntoInterface(out, "AlreadyCommitted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketAlreadyDrawn represents a AlreadyDrawn error raised by the JobMarket contract.
type JobMarketAlreadyDrawn struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyDrawn()
func JobMarketAlreadyDrawnErrorID() common.Hash {
	return common.HexToHash("0x097e1d9ba4b5ba8bf231c86f64a201fca56ded404c547cee193a09407724e566")
}

// UnpackAlreadyDrawnError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyDrawn()
func (jobMarket *JobMarket) UnpackAlreadyDrawnError(raw []byte) (*JobMarketAlreadyDrawn, error) {
	out := new(JobMarketAlreadyDrawn)
	if err := jobMarket.abi.UnpackIntoInterface(out, "AlreadyDrawn", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketAlreadyReplica represents a AlreadyReplica error raised by the JobMarket contract.
type JobMarketAlreadyReplica struct {
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyReplica(address provider)
func JobMarketAlreadyReplicaErrorID() common.Hash {
	return common.HexToHash("0x36967696b95b35dce51ab0910479e4ed8f86a0e4b352dd1ba8aa5462944f06d3")
}

// UnpackAlreadyReplicaError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyReplica(address provider)
func (jobMarket *JobMarket) UnpackAlreadyReplicaError(raw []byte) (*JobMarketAlreadyReplica, error) {
	out := new(JobMarketAlreadyReplica)
	if err := jobMarket.abi.UnpackIntoInterface(out, "AlreadyReplica", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketAlreadyRevealed represents a AlreadyRevealed error raised by the JobMarket contract.
type JobMarketAlreadyRevealed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRevealed()
func JobMarketAlreadyRevealedErrorID() common.Hash {
	return common.HexToHash("0xa89ac151620d5331775119c5df29262a0755c14eb44ace70a903df983497be6e")
}

// UnpackAlreadyRevealedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRevealed()
func (jobMarket *JobMarket) UnpackAlreadyRevealedError(raw []byte) (*JobMarketAlreadyRevealed, error) {
	out := new(JobMarketAlreadyRevealed)
	if err := jobMarket.abi.UnpackIntoInterface(out, "AlreadyRevealed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketBadBatch represents a BadBatch error raised by the JobMarket contract.
type JobMarketBadBatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadBatch()
func JobMarketBadBatchErrorID() common.Hash {
	return common.HexToHash("0x86bdc25c99648598923bb853ace35b4957af66811405e311820e81be4c44dd00")
}

// UnpackBadBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadBatch()
func (jobMarket *JobMarket) UnpackBadBatchError(raw []byte) (*JobMarketBadBatch, error) {
	out := new(JobMarketBadBatch)
	if err := jobMarket.abi.UnpackIntoInterface(out, "BadBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketBadCid represents a BadCid error raised by the JobMarket contract.
type JobMarketBadCid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadCid()
func JobMarketBadCidErrorID() common.Hash {
	return common.HexToHash("0xca719c94095cffc0531a640f5b84415e0c26f016037e41af1dd0140c990d86aa")
}

// UnpackBadCidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadCid()
func (jobMarket *JobMarket) UnpackBadCidError(raw []byte) (*JobMarketBadCid, error) {
	out := new(JobMarketBadCid)
	if err := jobMarket.abi.UnpackIntoInterface(out, "BadCid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketBadParams represents a BadParams error raised by the JobMarket contract.
type JobMarketBadParams struct {
	Field [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadParams(bytes32 field)
func JobMarketBadParamsErrorID() common.Hash {
	return common.HexToHash("0x9e321b1338db40afe6f05b1ad967994558d198466d9e1bef190d3c287ae1ca74")
}

// UnpackBadParamsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadParams(bytes32 field)
func (jobMarket *JobMarket) UnpackBadParamsError(raw []byte) (*JobMarketBadParams, error) {
	out := new(JobMarketBadParams)
	if err := jobMarket.abi.UnpackIntoInterface(out, "BadParams", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketBadRequest represents a BadRequest error raised by the JobMarket contract.
type JobMarketBadRequest struct {
	Field [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadRequest(bytes32 field)
func JobMarketBadRequestErrorID() common.Hash {
	return common.HexToHash("0x08b8a5d239c57e0bc082460989263b92ce38a0ff00481b2f8f024af7ce089488")
}

// UnpackBadRequestError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadRequest(bytes32 field)
func (jobMarket *JobMarket) UnpackBadRequestError(raw []byte) (*JobMarketBadRequest, error) {
	out := new(JobMarketBadRequest)
	if err := jobMarket.abi.UnpackIntoInterface(out, "BadRequest", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketCollateralBelowRatio represents a CollateralBelowRatio error raised by the JobMarket contract.
type JobMarketCollateralBelowRatio struct {
	Collateral *big.Int
	Minimum    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CollateralBelowRatio(uint256 collateral, uint256 minimum)
func JobMarketCollateralBelowRatioErrorID() common.Hash {
	return common.HexToHash("0xc0e63236b739330ef3d42fb8b0b2fae4bdd984fbe9cbb6794ad4bc60155430d6")
}

// UnpackCollateralBelowRatioError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CollateralBelowRatio(uint256 collateral, uint256 minimum)
func (jobMarket *JobMarket) UnpackCollateralBelowRatioError(raw []byte) (*JobMarketCollateralBelowRatio, error) {
	out := new(JobMarketCollateralBelowRatio)
	if err := jobMarket.abi.UnpackIntoInterface(out, "CollateralBelowRatio", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketCommitmentMismatch represents a CommitmentMismatch error raised by the JobMarket contract.
type JobMarketCommitmentMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CommitmentMismatch()
func JobMarketCommitmentMismatchErrorID() common.Hash {
	return common.HexToHash("0x5054097bb92104fdc128156d244c4d9d3a1008b45209d260b0cb38908eec9de3")
}

// UnpackCommitmentMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CommitmentMismatch()
func (jobMarket *JobMarket) UnpackCommitmentMismatchError(raw []byte) (*JobMarketCommitmentMismatch, error) {
	out := new(JobMarketCommitmentMismatch)
	if err := jobMarket.abi.UnpackIntoInterface(out, "CommitmentMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketJobFull represents a JobFull error raised by the JobMarket contract.
type JobMarketJobFull struct {
	Id *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error JobFull(uint256 id)
func JobMarketJobFullErrorID() common.Hash {
	return common.HexToHash("0x83de582960621a299c3643d1556613340f1de51f83974f15351ba275f503e412")
}

// UnpackJobFullError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error JobFull(uint256 id)
func (jobMarket *JobMarket) UnpackJobFullError(raw []byte) (*JobMarketJobFull, error) {
	out := new(JobMarketJobFull)
	if err := jobMarket.abi.UnpackIntoInterface(out, "JobFull", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketNoSurplus represents a NoSurplus error raised by the JobMarket contract.
type JobMarketNoSurplus struct {
	Held *big.Int
	Owed *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoSurplus(uint256 held, uint256 owed)
func JobMarketNoSurplusErrorID() common.Hash {
	return common.HexToHash("0xa6e343ec7b05822399a61fad5d86376cc59384d787d0b523763c4aa90ffad57f")
}

// UnpackNoSurplusError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoSurplus(uint256 held, uint256 owed)
func (jobMarket *JobMarket) UnpackNoSurplusError(raw []byte) (*JobMarketNoSurplus, error) {
	out := new(JobMarketNoSurplus)
	if err := jobMarket.abi.UnpackIntoInterface(out, "NoSurplus", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketNotAppealable represents a NotAppealable error raised by the JobMarket contract.
type JobMarketNotAppealable struct {
	Id *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAppealable(uint256 id)
func JobMarketNotAppealableErrorID() common.Hash {
	return common.HexToHash("0x79f1e62745ce2ff4b724609e81271754fe3d84ef2385e2cebcc54412cdb2cb9d")
}

// UnpackNotAppealableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAppealable(uint256 id)
func (jobMarket *JobMarket) UnpackNotAppealableError(raw []byte) (*JobMarketNotAppealable, error) {
	out := new(JobMarketNotAppealable)
	if err := jobMarket.abi.UnpackIntoInterface(out, "NotAppealable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketNotCommitted represents a NotCommitted error raised by the JobMarket contract.
type JobMarketNotCommitted struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotCommitted()
func JobMarketNotCommittedErrorID() common.Hash {
	return common.HexToHash("0x81791cb43e68aa2787915f848c31dc1c72f0105a3515ef1351d4a682bdf3133c")
}

// UnpackNotCommittedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotCommitted()
func (jobMarket *JobMarket) UnpackNotCommittedError(raw []byte) (*JobMarketNotCommitted, error) {
	out := new(JobMarketNotCommitted)
	if err := jobMarket.abi.UnpackIntoInterface(out, "NotCommitted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketNotDrawn represents a NotDrawn error raised by the JobMarket contract.
type JobMarketNotDrawn struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotDrawn()
func JobMarketNotDrawnErrorID() common.Hash {
	return common.HexToHash("0xc3dc9ed67666a52cdf2435b08a1194a4fa10321453808f6838a5e5b9b19d5664")
}

// UnpackNotDrawnError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotDrawn()
func (jobMarket *JobMarket) UnpackNotDrawnError(raw []byte) (*JobMarketNotDrawn, error) {
	out := new(JobMarketNotDrawn)
	if err := jobMarket.abi.UnpackIntoInterface(out, "NotDrawn", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketNotPanelMember represents a NotPanelMember error raised by the JobMarket contract.
type JobMarketNotPanelMember struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPanelMember(address caller)
func JobMarketNotPanelMemberErrorID() common.Hash {
	return common.HexToHash("0x39cf11378beaac3b18971f4241a71489ae64005ee98d14fb7c31fd7f0cdc9c69")
}

// UnpackNotPanelMemberError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPanelMember(address caller)
func (jobMarket *JobMarket) UnpackNotPanelMemberError(raw []byte) (*JobMarketNotPanelMember, error) {
	out := new(JobMarketNotPanelMember)
	if err := jobMarket.abi.UnpackIntoInterface(out, "NotPanelMember", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketNotProvider represents a NotProvider error raised by the JobMarket contract.
type JobMarketNotProvider struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotProvider(address caller)
func JobMarketNotProviderErrorID() common.Hash {
	return common.HexToHash("0x1bd2224f47bf32854983ee16847394426ab18eae693119e80eb952977965d64a")
}

// UnpackNotProviderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotProvider(address caller)
func (jobMarket *JobMarket) UnpackNotProviderError(raw []byte) (*JobMarketNotProvider, error) {
	out := new(JobMarketNotProvider)
	if err := jobMarket.abi.UnpackIntoInterface(out, "NotProvider", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketNothingToWithdraw represents a NothingToWithdraw error raised by the JobMarket contract.
type JobMarketNothingToWithdraw struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToWithdraw()
func JobMarketNothingToWithdrawErrorID() common.Hash {
	return common.HexToHash("0xd0d04f60bf4f7629141a1f00f5d2908fa0f3e15bf4cbf8bb8edc6fcbdf2509fa")
}

// UnpackNothingToWithdrawError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToWithdraw()
func (jobMarket *JobMarket) UnpackNothingToWithdrawError(raw []byte) (*JobMarketNothingToWithdraw, error) {
	out := new(JobMarketNothingToWithdraw)
	if err := jobMarket.abi.UnpackIntoInterface(out, "NothingToWithdraw", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the JobMarket contract.
type JobMarketOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func JobMarketOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (jobMarket *JobMarket) UnpackOwnableInvalidOwnerError(raw []byte) (*JobMarketOwnableInvalidOwner, error) {
	out := new(JobMarketOwnableInvalidOwner)
	if err := jobMarket.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the JobMarket contract.
type JobMarketOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func JobMarketOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (jobMarket *JobMarket) UnpackOwnableUnauthorizedAccountError(raw []byte) (*JobMarketOwnableUnauthorizedAccount, error) {
	out := new(JobMarketOwnableUnauthorizedAccount)
	if err := jobMarket.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketPanelNotReady represents a PanelNotReady error raised by the JobMarket contract.
type JobMarketPanelNotReady struct {
	Id   *big.Int
	Kind uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PanelNotReady(uint256 id, uint8 kind)
func JobMarketPanelNotReadyErrorID() common.Hash {
	return common.HexToHash("0x8175014f5ada80389dd652af0245141fd883fa164c7b1e8b930d5bbb4814d2ac")
}

// UnpackPanelNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PanelNotReady(uint256 id, uint8 kind)
func (jobMarket *JobMarket) UnpackPanelNotReadyError(raw []byte) (*JobMarketPanelNotReady, error) {
	out := new(JobMarketPanelNotReady)
	if err := jobMarket.abi.UnpackIntoInterface(out, "PanelNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the JobMarket contract.
type JobMarketReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func JobMarketReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (jobMarket *JobMarket) UnpackReentrancyGuardReentrantCallError(raw []byte) (*JobMarketReentrancyGuardReentrantCall, error) {
	out := new(JobMarketReentrancyGuardReentrantCall)
	if err := jobMarket.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the JobMarket contract.
type JobMarketSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func JobMarketSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (jobMarket *JobMarket) UnpackSafeERC20FailedOperationError(raw []byte) (*JobMarketSafeERC20FailedOperation, error) {
	out := new(JobMarketSafeERC20FailedOperation)
	if err := jobMarket.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketSelfChallenge represents a SelfChallenge error raised by the JobMarket contract.
type JobMarketSelfChallenge struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SelfChallenge()
func JobMarketSelfChallengeErrorID() common.Hash {
	return common.HexToHash("0x706cd3811f9061dda748864fbad14571c2d33a69fc1ecc9c6510e02bfd9660b9")
}

// UnpackSelfChallengeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SelfChallenge()
func (jobMarket *JobMarket) UnpackSelfChallengeError(raw []byte) (*JobMarketSelfChallenge, error) {
	out := new(JobMarketSelfChallenge)
	if err := jobMarket.abi.UnpackIntoInterface(out, "SelfChallenge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketStaleJobRecord represents a StaleJobRecord error raised by the JobMarket contract.
type JobMarketStaleJobRecord struct {
	Id *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleJobRecord(uint256 id)
func JobMarketStaleJobRecordErrorID() common.Hash {
	return common.HexToHash("0x81d5fadae0f03ecf11be5f180149a9297511462f368b93660d87d0b10bbbdbf7")
}

// UnpackStaleJobRecordError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleJobRecord(uint256 id)
func (jobMarket *JobMarket) UnpackStaleJobRecordError(raw []byte) (*JobMarketStaleJobRecord, error) {
	out := new(JobMarketStaleJobRecord)
	if err := jobMarket.abi.UnpackIntoInterface(out, "StaleJobRecord", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketTooEarly represents a TooEarly error raised by the JobMarket contract.
type JobMarketTooEarly struct {
	Time *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooEarly(uint256 time)
func JobMarketTooEarlyErrorID() common.Hash {
	return common.HexToHash("0x2a35a3246d5070e2b118858c24c2c4d23eaebe645b92ab746b92dd600c35a9d7")
}

// UnpackTooEarlyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooEarly(uint256 time)
func (jobMarket *JobMarket) UnpackTooEarlyError(raw []byte) (*JobMarketTooEarly, error) {
	out := new(JobMarketTooEarly)
	if err := jobMarket.abi.UnpackIntoInterface(out, "TooEarly", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketTooLate represents a TooLate error raised by the JobMarket contract.
type JobMarketTooLate struct {
	Time *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooLate(uint256 time)
func JobMarketTooLateErrorID() common.Hash {
	return common.HexToHash("0x691e5682c05af91a82d806fceac093f8891d2c453dfc42c67196c1ccdb7b8be1")
}

// UnpackTooLateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooLate(uint256 time)
func (jobMarket *JobMarket) UnpackTooLateError(raw []byte) (*JobMarketTooLate, error) {
	out := new(JobMarketTooLate)
	if err := jobMarket.abi.UnpackIntoInterface(out, "TooLate", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketUnknownJob represents a UnknownJob error raised by the JobMarket contract.
type JobMarketUnknownJob struct {
	Id *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownJob(uint256 id)
func JobMarketUnknownJobErrorID() common.Hash {
	return common.HexToHash("0x510aa5f06826d740de587fc177250838c7f20674aef37603d5ab5f52cef91ae8")
}

// UnpackUnknownJobError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownJob(uint256 id)
func (jobMarket *JobMarket) UnpackUnknownJobError(raw []byte) (*JobMarketUnknownJob, error) {
	out := new(JobMarketUnknownJob)
	if err := jobMarket.abi.UnpackIntoInterface(out, "UnknownJob", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketWrongReplicaMode represents a WrongReplicaMode error raised by the JobMarket contract.
type JobMarketWrongReplicaMode struct {
	Id *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongReplicaMode(uint256 id)
func JobMarketWrongReplicaModeErrorID() common.Hash {
	return common.HexToHash("0xc06ad2e3ad226506d918de354a831ff74519e0fef3d209e855a6f08856361cab")
}

// UnpackWrongReplicaModeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongReplicaMode(uint256 id)
func (jobMarket *JobMarket) UnpackWrongReplicaModeError(raw []byte) (*JobMarketWrongReplicaMode, error) {
	out := new(JobMarketWrongReplicaMode)
	if err := jobMarket.abi.UnpackIntoInterface(out, "WrongReplicaMode", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketWrongStatus represents a WrongStatus error raised by the JobMarket contract.
type JobMarketWrongStatus struct {
	Id     *big.Int
	Status uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongStatus(uint256 id, uint8 status)
func JobMarketWrongStatusErrorID() common.Hash {
	return common.HexToHash("0xa5d15e1f94e40302e3f7050760870a95f04eb9d943cd2cb333833178258083d6")
}

// UnpackWrongStatusError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongStatus(uint256 id, uint8 status)
func (jobMarket *JobMarket) UnpackWrongStatusError(raw []byte) (*JobMarketWrongStatus, error) {
	out := new(JobMarketWrongStatus)
	if err := jobMarket.abi.UnpackIntoInterface(out, "WrongStatus", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// JobMarketZeroAddress represents a ZeroAddress error raised by the JobMarket contract.
type JobMarketZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func JobMarketZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (jobMarket *JobMarket) UnpackZeroAddressError(raw []byte) (*JobMarketZeroAddress, error) {
	out := new(JobMarketZeroAddress)
	if err := jobMarket.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMetaData contains all meta data concerning the ProviderRegistry contract.
var ProviderRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"minStake_\",\"type\":\"uint96\"},{\"internalType\":\"uint64\",\"name\":\"unbondingDelay_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"AmountTooLarge\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"BadMinerId\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadPeerId\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ControllerSigTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"free\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientFreeStake\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"market\",\"type\":\"address\"}],\"name\":\"MarketAlreadySet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"MetadataTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"int256\",\"name\":\"exitCode\",\"type\":\"int256\"}],\"name\":\"MinerActorError\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"MinerCallFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"MinerCheckUnavailable\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"registered\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"onChain\",\"type\":\"bytes32\"}],\"name\":\"MinerPeerIdMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"MinerReturnMalformed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"NoMinerBound\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"NotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotMarket\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"NotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"unbondingEnds\",\"type\":\"uint64\"}],\"name\":\"NotUnbonded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"ParamOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"holder\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"PeerIdHeldByCheckedMiner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"PeerIdTaken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"SlashExceedsStake\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"UnlockExceedsLocked\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"active\",\"type\":\"bool\"}],\"name\":\"ActiveChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"}],\"name\":\"Locked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"market\",\"type\":\"address\"}],\"name\":\"MarketSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"metadata\",\"type\":\"bytes\"}],\"name\":\"MetadataUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"verifiedOnChain\",\"type\":\"bool\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"controllerSig\",\"type\":\"bytes\"}],\"name\":\"MinerBound\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"MinerUnbound\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"holder\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"claimant\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"peerIdHash\",\"type\":\"bytes32\"}],\"name\":\"PeerIdReclaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"peerSig\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"metadata\",\"type\":\"bytes\"}],\"name\":\"ProviderRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fromUnbonding\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"Slashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"StakeWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"staked\",\"type\":\"uint256\"}],\"name\":\"Staked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint96\",\"name\":\"minStake\",\"type\":\"uint96\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"unbondingDelay\",\"type\":\"uint64\"}],\"name\":\"StakingParamsSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"}],\"name\":\"Unlocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"staked\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unbonding\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"unbondingEnds\",\"type\":\"uint64\"}],\"name\":\"Unstaked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CALL_ACTOR_ID\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"GET_PEER_ID_METHOD\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_CONTROLLER_SIG_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_METADATA_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PEER_ID_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_UNBONDING_DELAY\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_MINER_ID\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"activeAt\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"activeCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"controllerSig\",\"type\":\"bytes\"}],\"name\":\"bindMiner\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"need\",\"type\":\"uint256\"}],\"name\":\"candidateAt\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"eligible\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"freeStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"isActive\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"lock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"market\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minStake\",\"outputs\":[{\"internalType\":\"uint96\",\"name\":\"\",\"type\":\"uint96\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"}],\"name\":\"minerBindingDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"minerOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"verifiedOnChain\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"name\":\"minerOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"name\":\"peerOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"providerInfo\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"staked\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unbonding\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"unbondingEnds\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"registered\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"peerIdHash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"peerSig\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"metadata\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"peerSig\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"metadata\",\"type\":\"bytes\"},{\"internalType\":\"uint64\",\"name\":\"minerId\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"controllerSig\",\"type\":\"bytes\"}],\"name\":\"registerWithMiner\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"peerId\",\"type\":\"bytes\"}],\"name\":\"registrationDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"market_\",\"type\":\"address\"}],\"name\":\"setMarket\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint96\",\"name\":\"minStake_\",\"type\":\"uint96\"},{\"internalType\":\"uint64\",\"name\":\"unbondingDelay_\",\"type\":\"uint64\"}],\"name\":\"setStakingParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"slash\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"stake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"}],\"name\":\"sync\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unbindMiner\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unbondingDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"unlock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"unstake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"metadata\",\"type\":\"bytes\"}],\"name\":\"updateMetadata\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawStake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "275d768273f73d0b6b6577f082e3afb089",
	Bin: "0x60a03461022457601f61246838819003918201601f19168301916001600160401b03831184841017610228578084926080946040528339810103126102245780516001600160a01b038116918282036102245760208101516001600160a01b03811690819003610224576040820151926001600160601b0384169283850361022457606001516001600160401b038116959086900361022457821561021157600180546001600160a01b03199081169091555f80549182168517815560405194916001600160a01b0316907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3156102025760805281156101d457506276a700831161019d57600280546001600160a01b031660a09390931b6001600160a01b03191692909217909155600380546001600160401b031916831790556040805191825260208201929092527f7194474a7db20e5fd1a216468e878f30a5aacb7014f5c0c6fa5df6008be8a6f99190a160405161222b908161023d82396080518181816102b001528181610888015281816109d60152610b5c0152f35b604051632886932960e11b815260206004820152600e60248201526d756e626f6e64696e6744656c617960901b6044820152606490fd5b632886932960e11b81526020600482015260086024820152676d696e5374616b6560c01b6044820152606490fd5b63d92e233d60e01b5f5260045ffd5b631e4fbdf760e01b5f525f60045260245ffd5b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6080806040526004361015610012575f80fd5b5f3560e01c9081630996b5a4146116e05750806315d6f71a146116a9578063282d3fdf1461159e5780632e17de781461144e578063375b3c0a1461142e5780633ae259161461139c5780633dba1d0b146113185780634167863b146112725780634331ed1f1461125557806368e94c4f146112155780636dcea85f146111895780636e2a7ad1146110e3578063715018a61461108057806372ecd8fd14610f6357806379ba509714610ede5780637eee288d14610deb5780638002cd9d14610d7557806380f5560514610d4d5780638da5cb5b14610d2657806390c84ab614610d0b5780639f8a13d714610cca578063a2bdb59e14610caf578063a35f8e9e14610c60578063a584119414610c27578063a694fc3a14610aa3578063b5e54b1914610a81578063be84f57014610a2e578063bed9d86114610950578063bfac599014610728578063c65d8b731461070b578063d43803531461063e578063d66894e514610442578063db7dd35a1461041c578063df9e4f66146103fe578063e30c3978146103d6578063e8868e9f146103ba578063f2fde38b1461034d578063f7bd738714610331578063fa6739c1146102df578063fc0c546a1461029b5763fc582d41146101df575f80fd5b34610297576020366003190112610297576004356001600160401b0381116102975761020f903690600401611724565b90335f52600460205260ff60405f205460e01c16156102845761040082116102715761026c7f176ff46d4dde83629a753225f27ff86f4b23d5660625e99eaf9f69f3bd1f734e91604051918291602083523395602084019161185c565b0390a2005b506310940ba160e01b5f5260045260245ffd5b63bfc6c33760e01b5f523360045260245ffd5b5f80fd5b34610297575f366003190112610297576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610297576020366003190112610297576001600160a01b0361030061170e565b165f52600460205260206001600160601b0361032860405f205482808260601c1691166117a9565b16604051908152f35b34610297575f3660031901126102975760206040516101008152f35b346102975760203660031901126102975761036661170e565b61036e611a80565b60018060a01b0316806001600160601b0360a01b600154161760015560018060a01b035f54167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227005f80a3005b34610297575f3660031901126102975760206040516104008152f35b34610297575f366003190112610297576001546040516001600160a01b039091168152602090f35b34610297575f36600319011261029757602060405163a7a912418152f35b34610297575f3660031901126102975760206001600160401b0360035416604051908152f35b346102975760a0366003190112610297576004356001600160401b03811161029757610472903690600401611724565b906024356001600160401b03811161029757610492903690600401611724565b926044356001600160401b038111610297576104b2903690600401611724565b606435916001600160401b03831696878403610297576084356001600160401b038111610297576104e7903690600401611724565b9690956104f68585838c6120a5565b98610502898989611a93565b61050c8a88611ad7565b5f8b8152600560205260409020546001600160a01b03169b909a908c151580610634575b610551575b5061054f9b509061054a969594939291612103565b611e3b565b005b8b15610621578c5f52600460205260405f2090600182015460ff8160e01c166105fe57505f83815260056020526040812080546001600160a01b03191690556002830155815460ff60e01b1916825561054f9d61054a99989796959493926105f2929091906105c08383611f75565b604051858152827f07ac385ffe81e2074ddead0472a07835c5a8781cfc215d29b92f27c782e428d460203393a46118a5565b90919293949596610535565b6001600160401b03908f639baf3b3b60e01b5f5260045260a01c1660245260445ffd5b8c635d1c3e2f60e11b5f5260045260245ffd5b50338d1415610530565b34610297576060366003190112610297576004356001600160401b0381116102975761066e903690600401611724565b6024356001600160401b0381116102975761068d903690600401611724565b6044929192356001600160401b038111610297576106af903690600401611724565b9390926106be858583896120a5565b5f818152600560205260409020546001600160a01b0316969087151580610701575b6106ee5761054f9750612103565b87635d1c3e2f60e11b5f5260045260245ffd5b50338814156106e0565b34610297575f3660031901126102975760206040516276a7008152f35b346102975760603660031901126102975761074161170e565b6044356001600160a01b038116916024359190838203610297576002546001600160a01b0316330361093d5761077561200f565b831561092e5760018060a01b03811690815f52600460205260405f20906001600160601b038254169560018301936107b76001600160601b03865416896117c9565b80881161091757508787111561091157875b80880398888a116108fd576108ac9961088697836040936001600160601b03610816817f10cc080888f97c96419786385100283aa8ae09efd09b75964b955212f42847d4981680936117a9565b8b546bffffffffffffffffffffffff1916911617808b5560601c6001600160601b03168083106108eb57505061086d5f5b8a54600160601b600160c01b03191660609190911b600160601b600160c01b0316178a55565b8b036108be575b508151908a82526020820152a36118a5565b7f0000000000000000000000000000000000000000000000000000000000000000612044565b5f5f5160206121ff5f395f51905f525d005b6001600160601b036108d5818416828454166117a9565b166001600160601b03198254161790558b610874565b61086d916108f8916117a9565b610847565b634e487b7160e01b5f52601160045260245ffd5b866107c9565b87906333667e8360e11b5f5260045260245260445ffd5b63d92e233d60e01b5f5260045ffd5b63bfae38b360e01b5f523360045260245ffd5b34610297575f3660031901126102975761096861200f565b335f526004602052600160405f20018054906001600160601b0382169081158015610a19575b6109fa5780546001600160a01b03191690556040518181526108ac925033907f8108595eb6bad3acefa9da467d90cc2217686d5c5ac85460f8b7849c840645fc90602090a2337f0000000000000000000000000000000000000000000000000000000000000000612044565b6001600160401b03836358bf276560e11b5f5260601c1660045260245ffd5b506001600160401b038360601c16421061098e565b34610297576020366003190112610297576001600160a01b03610a4f61170e565b165f52600460205260406001815f20015460ff8251916001600160401b038160a01c16835260e01c1615156020820152f35b34610297575f366003190112610297576040516005607f60991b018152602090f35b3461029757602036600319011261029757600435610abf61200f565b8015610c1857335f52600460205260405f20610ae5826001600160601b038354166117c9565b906001600160601b03610afe81600184015416846117c9565b11610c0557816001600160601b0380610b5a9416166001600160601b03198354161782556040519084825260208201527f1449c6dd7851abc30abf37f57715f492010519147cc2652fbc38202c18a6ee9060403392a2336118a5565b7f000000000000000000000000000000000000000000000000000000000000000090604051906323b872dd60e01b5f52336004523060245260445260205f60648180865af19060015f5114821615610be5575b5015610bc5575f5f5160206121ff5f395f51905f525d005b635274afe760e01b5f9081526001600160a01b0391909116600452602490fd5b6001821516610bfd5750813b15153d15161682610bad565b3d5f823e3d90fd5b826304041d9560e11b5f5260045260245ffd5b631f2a200560e01b5f5260045ffd5b346102975760203660031901126102975761054f610c4361170e565b6001600160a01b0381165f908152600460205260409020906118a5565b34610297575f36600319011261029757335f52600460205260405f206001600160401b03600182015460a01c1615610c9c5761054f9033611f75565b637b70846560e01b5f523360045260245ffd5b34610297575f36600319011261029757602060405160648152f35b34610297576020366003190112610297576001600160a01b03610ceb61170e565b165f5260046020526020610d0160405f2061187c565b6040519015158152f35b34610297575f36600319011261029757602060405160808152f35b34610297575f366003190112610297575f546040516001600160a01b039091168152602090f35b34610297575f366003190112610297576002546040516001600160a01b039091168152602090f35b3461029757604036600319011261029757610d8e611751565b6024356001600160401b03811161029757610dad903690600401611724565b610dba8183859495611a93565b335f52600460205260405f209260ff845460e01c161561028457610de5600261054f95015484611ad7565b92611e3b565b3461029757604036600319011261029757610e0461170e565b60025460243591906001600160a01b0316330361093d576001600160a01b03165f818152600460205260409020805460601c6001600160601b0316808411610ec75792610ea6610e807f3f2f29fa02cc34566ac167b446be0be9e0254cac18eda93b2dfe6a7a7c8affb994956001600160601b038416906117a9565b8354600160601b600160c01b031916606082901b600160601b600160c01b031617909355565b604080519182526001600160601b039092166020820152908190810161026c565b83906386bd84a760e01b5f5260045260245260445ffd5b34610297575f36600319011261029757600154336001600160a01b0390911603610f5057600180546001600160a01b03199081169091555f805433928116831782556001600160a01b0316907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3005b63118cdaa760e01b5f523360045260245ffd5b34610297576040366003190112610297576004356001600160601b0381169081810361029757610f91611767565b610f99611a80565b821561104f576001600160401b0316916276a7008311611018577f7194474a7db20e5fd1a216468e878f30a5aacb7014f5c0c6fa5df6008be8a6f992604092600254906001600160601b0360a01b9060a01b169060018060a01b031617600255806001600160401b0319600354161760035582519182526020820152a1005b604051632886932960e11b815260206004820152600e60248201526d756e626f6e64696e6744656c617960901b6044820152606490fd5b604051632886932960e11b81526020600482015260086024820152676d696e5374616b6560c01b6044820152606490fd5b34610297575f36600319011261029757611098611a80565b600180546001600160a01b03199081169091555f80549182168155906001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a3005b346102975760403660031901126102975760206110fe61170e565b611106611767565b9060018060a01b0316805f5260048352600260405f200154604051916001600160401b038584019460c08652600e60e08601526d6272696e652f6d696e65722f763160901b61010086015246604086015230606086015216608084015260a083015260c0820152610100815261117e610120826117d6565b519020604051908152f35b34610297576020366003190112610297576111a261170e565b6111aa611a80565b600254906001600160a01b0382168061120357506001600160a01b031690811561092e576001600160a01b03191681176002557fe307206b150a74b2a5d43a35703be791342ca123c12a507c5f679cf1d011d1b95f80a2005b63599ad35b60e01b5f5260045260245ffd5b34610297576020366003190112610297576001600160401b03611236611751565b165f526006602052602060018060a01b0360405f205416604051908152f35b34610297575f366003190112610297576020600754604051908152f35b346102975760403660031901126102975761128b61170e565b602435906001600160401b038211610297576112b76112b06020933690600401611724565b3691611826565b828151910120604051908382019260a08452601160c0840152706272696e652f72656769737465722f763160781b60e084015246604084015230606084015260018060a01b0316608083015260a082015260e0815261117e610100826117d6565b3461029757604036600319011261029757604061133660043561177d565b905460039190911b1c6001600160a01b03165f818152600460205282902061135d8161187c565b9081611373575b50825191825215156020820152f35b9050546001600160601b036113936024359282808260601c1691166117a9565b16101583611364565b34610297576020366003190112610297576001600160a01b036113bd61170e565b165f52600460205260c060405f20805460ff60026001840154930154916001600160401b03604051946001600160601b03831686526001600160601b038360601c1660208701526001600160601b038116604087015260601c16606085015260e01c161515608083015260a0820152f35b34610297575f36600319011261029757602060025460a01c604051908152f35b34610297576020366003190112610297576004358015610c1857335f52600460205260405f2080546001600160601b03611490818084169360601c16836117a9565b1680841161158757506114ae6001600160601b0391828516906117a9565b166001600160601b031982541617815560018101916114d7816001600160601b038554166117c9565b926001600160601b03808516166001600160601b03198254161781556001600160401b03600354166001600160401b034216016001600160401b0381116108fd5761054f94826001600160401b0393548460601b8460601b16908560601b19161790556001600160601b03855416604051948552602085015260408401521660608201527f86864850f6ef2c28c67d1d0db0e5ed6ed9b6b1a33b5e9efd1fe323bf05782a8c60803392a2336118a5565b83906340179d2160e11b5f5260045260245260445ffd5b34610297576040366003190112610297576115b761170e565b60025460243591906001600160a01b0316330361093d576001600160a01b03165f81815260046020526040902090916115ef8261187c565b15611696576001600160601b03806116118454828160601c16938491166117a9565b1680831161167f57506001600160601b03821601906001600160601b0382116108fd578254600160601b600160c01b031916606083901b600160601b600160c01b0316179092557fd4665e3049283582ba6f9eba07a5b3e12dab49e02da99e8927a47af5d134bea591610ea6565b90506340179d2160e11b5f5260045260245260445ffd5b82634022bc5560e01b5f5260045260245ffd5b346102975760203660031901126102975760206116c760043561177d565b905460405160039290921b1c6001600160a01b03168152f35b34610297576020366003190112610297576020906004355f526005825260018060a01b0360405f2054168152f35b600435906001600160a01b038216820361029757565b9181601f84011215610297578235916001600160401b038311610297576020838186019501011161029757565b600435906001600160401b038216820361029757565b602435906001600160401b038216820361029757565b6007548110156117955760075f5260205f2001905f90565b634e487b7160e01b5f52603260045260245ffd5b906001600160601b03809116911603906001600160601b0382116108fd57565b919082018092116108fd57565b90601f801991011681019081106001600160401b038211176117f757604052565b634e487b7160e01b5f52604160045260245ffd5b6001600160401b0381116117f757601f01601f191660200190565b9291926118328261180b565b9161184060405193846117d6565b829481845281830111610297578281602093845f960137010152565b908060209392818452848401375f828201840152601f01601f1916010190565b5460ff8160e01c16908161188e575090565b90506001600160601b0360025460a01c9116101590565b906118af8161187c565b9163ffffffff825460c01c16831515938115158514611a79571561197957509060075491680100000000000000008310156117f7576119666020926119438361191f8760017f1e9e694913ebc22589cb624c7ef8683055f578186b4a28e55d8412342921d7f3990160075561177d565b81546001600160a01b0393841660039290921b91821b9390911b1916919091179055565b600754815463ffffffff60c01b191660c09190911b63ffffffff60c01b16179055565b6040519384526001600160a01b031692a2565b5f190163ffffffff81116108fd5763ffffffff166007545f1981019081116108fd576119a49061177d565b905460039190911b1c6001600160a01b03166119c38161191f8461177d565b600182018092116108fd575f908152600460205260409020805463ffffffff60c01b191660c09290921b63ffffffff60c01b16919091179055600754908115611a65577f1e9e694913ebc22589cb624c7ef8683055f578186b4a28e55d8412342921d7f3926020925f1901611a378161177d565b81546001600160a01b0360039290921b9190911b19169055600755805463ffffffff60c01b19169055611966565b634e487b7160e01b5f52603160045260245ffd5b5050505050565b5f546001600160a01b03163303610f5057565b6001600160401b0391501660648110611ac557506101008111611ab35750565b63af81408360e01b5f5260045260245ffd5b631e4e7c8360e31b5f5260045260245ffd5b905f918260209384926001600160401b03611b6161010060405193611afc88866117d6565b8585526040519384918983019663a7a9124188528860408501526001606085015288608085015260c060a085015280519c8d918260e0870152018585015e87848d8501015216998a60c0830152601f801991011681010301601f1981018352826117d6565b51906005607f60991b015af4903d15611e33573d91611b7f8361180b565b92611b8d60405194856117d6565b83523d5f8385013e5b15611e2057815115611dea576080825110611cfa57815182016060838383019203126102975781830151926040810151906001600160401b038216809203610297576060810151906001600160401b03821161029757019382603f860112156102975783850151611c068161180b565b95611c1460405197886117d6565b81875285870194868084840101011161029757815f926040889301875e8701015280611dd4575060518114159081611dc8575b50611db55782519060028210918215611d94575b50508015611d75575b611cfa5781516001101561179557602182015160f81c601f1660028160188103611d0d575050506003825110611cfa5781516002101561179557602282015160f81c916003905b611cb584836117c9565b815103611ce75701012091818303611ccf57505050600190565b636924e62560e01b5f5260045260245260445260645ffd5b856304d1f62f60e31b5f5260045260245ffd5b836304d1f62f60e31b5f5260045260245ffd5b60198103611d55575050506004825110611cfa578151600210156117955761ff0080602284015160f01c161682516003101561179557602383015160f81c1791600490611cab565b601990949192941115611cab57856304d1f62f60e31b5f5260045260245ffd5b5081516001101561179557604060e0602184015160f81c161415611c64565b9091501561179557516001600160f81b031916608160f81b14155f80611c5b565b846304d1f62f60e31b5f5260045260245ffd5b6071915014155f611c47565b8663198db62f60e31b5f5260045260245260445ffd5b50505061013a46148015611e14575b611e0257505f90565b6348e76ee960e01b5f5260045260245ffd5b506204cb2f4614611df9565b83634dd3a57f60e11b5f5260045260245ffd5b606091611b96565b907ff40caee60974a67342edb7880fd96bc222a992e8afa7a107103d31a7d6f65f7591335f52600460205260405f20946001860191816001600160401b03845460a01c16976001600160401b038316809903611f65575b50611ef7575b825468ffffffffffffffffff60a01b191660a09190911b67ffffffffffffffff60a01b161790151560e081901b60ff60e01b16919091179091556040805191825260208201819052339491928392611ef29284019161185c565b0390a3565b5f878152600660205260409020546001600160a01b031680151580611f5b575b611f3f575b505f87815260066020526040902080546001600160a01b03191633179055611e98565b80611f55915f52600460205260405f2090611f75565b5f611f1c565b5033811415611f17565b611f6f9033611f75565b5f611e92565b90600101906001600160401b03825460a01c1691821561200a575f838152600660205260409020546001600160a01b0392831692168214611fea575b805468ffffffffffffffffff60a01b191690557fb9bb54d8fe303c58ad5579aeb64aaced05284a8d944abf2756046c5316d8c0b45f80a3565b5f83815260066020526040902080546001600160a01b0319169055611fb1565b505050565b5f5160206121ff5f395f51905f525c6120355760015f5160206121ff5f395f51905f525d565b633ee5aeb560e01b5f5260045ffd5b916040519163a9059cbb60e01b5f5260018060a01b031660045260245260205f60448180865af19060015f5114821615612084575b60405215610bc55750565b90600181151661209c57823b15153d15161690612079565b503d5f823e3d90fd5b9150929192801580156120f9575b6120ea5761040084116120d7576120cd9293503691611826565b6020815191012090565b836310940ba160e01b5f5260045260245ffd5b6311795d9b60e01b5f5260045ffd5b50608081116120b3565b94936121c7966121ae7fa001ddb27557d2e6dbbbe4864d304d5b7a4b3bbe390ad3db4a92a24cf4210316956121be93959495335f52600460205260405f209960028b018054801515806121f4575b6121c9575b505f828152600560205260409081902080546001600160a01b031916331790559190558a5460ff60e01b1916600160e01b178b55516060808252909788976121a09289019161185c565b91868303602088015261185c565b908382036040850152339661185c565b0390a2336118a5565b565b5f52600560205260405f206001600160601b0360a01b81541690556121ee8c33611f75565b5f612156565b508281141561215156fe9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00a164736f6c6343000825000a",
}

// ProviderRegistry is an auto generated Go binding around an Ethereum contract.
type ProviderRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ProviderRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewProviderRegistry creates a new instance of ProviderRegistry.
func NewProviderRegistry() *ProviderRegistry {
	parsed, err := ProviderRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ProviderRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ProviderRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address owner_, uint96 minStake_, uint64 unbondingDelay_) returns()
func (providerRegistry *ProviderRegistry) PackConstructor(token_ common.Address, owner_ common.Address, minStake_ *big.Int, unbondingDelay_ uint64) []byte {
	enc, err := providerRegistry.abi.Pack("", token_, owner_, minStake_, unbondingDelay_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCALLACTORID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5e54b19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CALL_ACTOR_ID() view returns(address)
func (providerRegistry *ProviderRegistry) PackCALLACTORID() []byte {
	enc, err := providerRegistry.abi.Pack("CALL_ACTOR_ID")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCALLACTORID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5e54b19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CALL_ACTOR_ID() view returns(address)
func (providerRegistry *ProviderRegistry) TryPackCALLACTORID() ([]byte, error) {
	return providerRegistry.abi.Pack("CALL_ACTOR_ID")
}

// UnpackCALLACTORID is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb5e54b19.
//
// Solidity: function CALL_ACTOR_ID() view returns(address)
func (providerRegistry *ProviderRegistry) UnpackCALLACTORID(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("CALL_ACTOR_ID", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGETPEERIDMETHOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf9e4f66.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function GET_PEER_ID_METHOD() view returns(uint64)
func (providerRegistry *ProviderRegistry) PackGETPEERIDMETHOD() []byte {
	enc, err := providerRegistry.abi.Pack("GET_PEER_ID_METHOD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGETPEERIDMETHOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf9e4f66.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function GET_PEER_ID_METHOD() view returns(uint64)
func (providerRegistry *ProviderRegistry) TryPackGETPEERIDMETHOD() ([]byte, error) {
	return providerRegistry.abi.Pack("GET_PEER_ID_METHOD")
}

// UnpackGETPEERIDMETHOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdf9e4f66.
//
// Solidity: function GET_PEER_ID_METHOD() view returns(uint64)
func (providerRegistry *ProviderRegistry) UnpackGETPEERIDMETHOD(data []byte) (uint64, error) {
	out, err := providerRegistry.abi.Unpack("GET_PEER_ID_METHOD", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackMAXCONTROLLERSIGLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7bd7387.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_CONTROLLER_SIG_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) PackMAXCONTROLLERSIGLENGTH() []byte {
	enc, err := providerRegistry.abi.Pack("MAX_CONTROLLER_SIG_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXCONTROLLERSIGLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7bd7387.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_CONTROLLER_SIG_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) TryPackMAXCONTROLLERSIGLENGTH() ([]byte, error) {
	return providerRegistry.abi.Pack("MAX_CONTROLLER_SIG_LENGTH")
}

// UnpackMAXCONTROLLERSIGLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf7bd7387.
//
// Solidity: function MAX_CONTROLLER_SIG_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) UnpackMAXCONTROLLERSIGLENGTH(data []byte) (*big.Int, error) {
	out, err := providerRegistry.abi.Unpack("MAX_CONTROLLER_SIG_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXMETADATALENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8868e9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_METADATA_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) PackMAXMETADATALENGTH() []byte {
	enc, err := providerRegistry.abi.Pack("MAX_METADATA_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXMETADATALENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe8868e9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_METADATA_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) TryPackMAXMETADATALENGTH() ([]byte, error) {
	return providerRegistry.abi.Pack("MAX_METADATA_LENGTH")
}

// UnpackMAXMETADATALENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe8868e9f.
//
// Solidity: function MAX_METADATA_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) UnpackMAXMETADATALENGTH(data []byte) (*big.Int, error) {
	out, err := providerRegistry.abi.Unpack("MAX_METADATA_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXPEERIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x90c84ab6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PEER_ID_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) PackMAXPEERIDLENGTH() []byte {
	enc, err := providerRegistry.abi.Pack("MAX_PEER_ID_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPEERIDLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x90c84ab6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PEER_ID_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) TryPackMAXPEERIDLENGTH() ([]byte, error) {
	return providerRegistry.abi.Pack("MAX_PEER_ID_LENGTH")
}

// UnpackMAXPEERIDLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x90c84ab6.
//
// Solidity: function MAX_PEER_ID_LENGTH() view returns(uint256)
func (providerRegistry *ProviderRegistry) UnpackMAXPEERIDLENGTH(data []byte) (*big.Int, error) {
	out, err := providerRegistry.abi.Unpack("MAX_PEER_ID_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXUNBONDINGDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc65d8b73.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_UNBONDING_DELAY() view returns(uint64)
func (providerRegistry *ProviderRegistry) PackMAXUNBONDINGDELAY() []byte {
	enc, err := providerRegistry.abi.Pack("MAX_UNBONDING_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXUNBONDINGDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc65d8b73.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_UNBONDING_DELAY() view returns(uint64)
func (providerRegistry *ProviderRegistry) TryPackMAXUNBONDINGDELAY() ([]byte, error) {
	return providerRegistry.abi.Pack("MAX_UNBONDING_DELAY")
}

// UnpackMAXUNBONDINGDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc65d8b73.
//
// Solidity: function MAX_UNBONDING_DELAY() view returns(uint64)
func (providerRegistry *ProviderRegistry) UnpackMAXUNBONDINGDELAY(data []byte) (uint64, error) {
	out, err := providerRegistry.abi.Unpack("MAX_UNBONDING_DELAY", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackMINMINERID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2bdb59e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_MINER_ID() view returns(uint64)
func (providerRegistry *ProviderRegistry) PackMINMINERID() []byte {
	enc, err := providerRegistry.abi.Pack("MIN_MINER_ID")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINMINERID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2bdb59e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_MINER_ID() view returns(uint64)
func (providerRegistry *ProviderRegistry) TryPackMINMINERID() ([]byte, error) {
	return providerRegistry.abi.Pack("MIN_MINER_ID")
}

// UnpackMINMINERID is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2bdb59e.
//
// Solidity: function MIN_MINER_ID() view returns(uint64)
func (providerRegistry *ProviderRegistry) UnpackMINMINERID(data []byte) (uint64, error) {
	out, err := providerRegistry.abi.Unpack("MIN_MINER_ID", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (providerRegistry *ProviderRegistry) PackAcceptOwnership() []byte {
	enc, err := providerRegistry.abi.Pack("acceptOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptOwnership() returns()
func (providerRegistry *ProviderRegistry) TryPackAcceptOwnership() ([]byte, error) {
	return providerRegistry.abi.Pack("acceptOwnership")
}

// PackActiveAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15d6f71a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function activeAt(uint256 i) view returns(address)
func (providerRegistry *ProviderRegistry) PackActiveAt(i *big.Int) []byte {
	enc, err := providerRegistry.abi.Pack("activeAt", i)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackActiveAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x15d6f71a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function activeAt(uint256 i) view returns(address)
func (providerRegistry *ProviderRegistry) TryPackActiveAt(i *big.Int) ([]byte, error) {
	return providerRegistry.abi.Pack("activeAt", i)
}

// UnpackActiveAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x15d6f71a.
//
// Solidity: function activeAt(uint256 i) view returns(address)
func (providerRegistry *ProviderRegistry) UnpackActiveAt(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("activeAt", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackActiveCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4331ed1f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function activeCount() view returns(uint256)
func (providerRegistry *ProviderRegistry) PackActiveCount() []byte {
	enc, err := providerRegistry.abi.Pack("activeCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackActiveCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4331ed1f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function activeCount() view returns(uint256)
func (providerRegistry *ProviderRegistry) TryPackActiveCount() ([]byte, error) {
	return providerRegistry.abi.Pack("activeCount")
}

// UnpackActiveCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4331ed1f.
//
// Solidity: function activeCount() view returns(uint256)
func (providerRegistry *ProviderRegistry) UnpackActiveCount(data []byte) (*big.Int, error) {
	out, err := providerRegistry.abi.Unpack("activeCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBindMiner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8002cd9d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bindMiner(uint64 minerId, bytes controllerSig) returns()
func (providerRegistry *ProviderRegistry) PackBindMiner(minerId uint64, controllerSig []byte) []byte {
	enc, err := providerRegistry.abi.Pack("bindMiner", minerId, controllerSig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBindMiner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8002cd9d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bindMiner(uint64 minerId, bytes controllerSig) returns()
func (providerRegistry *ProviderRegistry) TryPackBindMiner(minerId uint64, controllerSig []byte) ([]byte, error) {
	return providerRegistry.abi.Pack("bindMiner", minerId, controllerSig)
}

// PackCandidateAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3dba1d0b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function candidateAt(uint256 i, uint256 need) view returns(address provider, bool eligible)
func (providerRegistry *ProviderRegistry) PackCandidateAt(i *big.Int, need *big.Int) []byte {
	enc, err := providerRegistry.abi.Pack("candidateAt", i, need)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCandidateAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3dba1d0b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function candidateAt(uint256 i, uint256 need) view returns(address provider, bool eligible)
func (providerRegistry *ProviderRegistry) TryPackCandidateAt(i *big.Int, need *big.Int) ([]byte, error) {
	return providerRegistry.abi.Pack("candidateAt", i, need)
}

// CandidateAtOutput serves as a container for the return parameters of contract
// method CandidateAt.
type CandidateAtOutput struct {
	Provider common.Address
	Eligible bool
}

// UnpackCandidateAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3dba1d0b.
//
// Solidity: function candidateAt(uint256 i, uint256 need) view returns(address provider, bool eligible)
func (providerRegistry *ProviderRegistry) UnpackCandidateAt(data []byte) (CandidateAtOutput, error) {
	out, err := providerRegistry.abi.Unpack("candidateAt", data)
	outstruct := new(CandidateAtOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Provider = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Eligible = *abi.ConvertType(out[1], new(bool)).(*bool)
	return *outstruct, nil
}

// PackFreeStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfa6739c1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function freeStake(address provider) view returns(uint256)
func (providerRegistry *ProviderRegistry) PackFreeStake(provider common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("freeStake", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFreeStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfa6739c1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function freeStake(address provider) view returns(uint256)
func (providerRegistry *ProviderRegistry) TryPackFreeStake(provider common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("freeStake", provider)
}

// UnpackFreeStake is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfa6739c1.
//
// Solidity: function freeStake(address provider) view returns(uint256)
func (providerRegistry *ProviderRegistry) UnpackFreeStake(data []byte) (*big.Int, error) {
	out, err := providerRegistry.abi.Unpack("freeStake", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackIsActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f8a13d7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isActive(address provider) view returns(bool)
func (providerRegistry *ProviderRegistry) PackIsActive(provider common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("isActive", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f8a13d7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isActive(address provider) view returns(bool)
func (providerRegistry *ProviderRegistry) TryPackIsActive(provider common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("isActive", provider)
}

// UnpackIsActive is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9f8a13d7.
//
// Solidity: function isActive(address provider) view returns(bool)
func (providerRegistry *ProviderRegistry) UnpackIsActive(data []byte) (bool, error) {
	out, err := providerRegistry.abi.Unpack("isActive", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x282d3fdf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lock(address provider, uint256 amount) returns()
func (providerRegistry *ProviderRegistry) PackLock(provider common.Address, amount *big.Int) []byte {
	enc, err := providerRegistry.abi.Pack("lock", provider, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x282d3fdf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lock(address provider, uint256 amount) returns()
func (providerRegistry *ProviderRegistry) TryPackLock(provider common.Address, amount *big.Int) ([]byte, error) {
	return providerRegistry.abi.Pack("lock", provider, amount)
}

// PackMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80f55605.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function market() view returns(address)
func (providerRegistry *ProviderRegistry) PackMarket() []byte {
	enc, err := providerRegistry.abi.Pack("market")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80f55605.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function market() view returns(address)
func (providerRegistry *ProviderRegistry) TryPackMarket() ([]byte, error) {
	return providerRegistry.abi.Pack("market")
}

// UnpackMarket is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x80f55605.
//
// Solidity: function market() view returns(address)
func (providerRegistry *ProviderRegistry) UnpackMarket(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("market", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackMinStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x375b3c0a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minStake() view returns(uint96)
func (providerRegistry *ProviderRegistry) PackMinStake() []byte {
	enc, err := providerRegistry.abi.Pack("minStake")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x375b3c0a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minStake() view returns(uint96)
func (providerRegistry *ProviderRegistry) TryPackMinStake() ([]byte, error) {
	return providerRegistry.abi.Pack("minStake")
}

// UnpackMinStake is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x375b3c0a.
//
// Solidity: function minStake() view returns(uint96)
func (providerRegistry *ProviderRegistry) UnpackMinStake(data []byte) (*big.Int, error) {
	out, err := providerRegistry.abi.Unpack("minStake", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMinerBindingDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e2a7ad1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minerBindingDigest(address provider, uint64 minerId) view returns(bytes32)
func (providerRegistry *ProviderRegistry) PackMinerBindingDigest(provider common.Address, minerId uint64) []byte {
	enc, err := providerRegistry.abi.Pack("minerBindingDigest", provider, minerId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinerBindingDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e2a7ad1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minerBindingDigest(address provider, uint64 minerId) view returns(bytes32)
func (providerRegistry *ProviderRegistry) TryPackMinerBindingDigest(provider common.Address, minerId uint64) ([]byte, error) {
	return providerRegistry.abi.Pack("minerBindingDigest", provider, minerId)
}

// UnpackMinerBindingDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6e2a7ad1.
//
// Solidity: function minerBindingDigest(address provider, uint64 minerId) view returns(bytes32)
func (providerRegistry *ProviderRegistry) UnpackMinerBindingDigest(data []byte) ([32]byte, error) {
	out, err := providerRegistry.abi.Unpack("minerBindingDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMinerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe84f570.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minerOf(address provider) view returns(uint64 minerId, bool verifiedOnChain)
func (providerRegistry *ProviderRegistry) PackMinerOf(provider common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("minerOf", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe84f570.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minerOf(address provider) view returns(uint64 minerId, bool verifiedOnChain)
func (providerRegistry *ProviderRegistry) TryPackMinerOf(provider common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("minerOf", provider)
}

// MinerOfOutput serves as a container for the return parameters of contract
// method MinerOf.
type MinerOfOutput struct {
	MinerId         uint64
	VerifiedOnChain bool
}

// UnpackMinerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbe84f570.
//
// Solidity: function minerOf(address provider) view returns(uint64 minerId, bool verifiedOnChain)
func (providerRegistry *ProviderRegistry) UnpackMinerOf(data []byte) (MinerOfOutput, error) {
	out, err := providerRegistry.abi.Unpack("minerOf", data)
	outstruct := new(MinerOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.MinerId = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.VerifiedOnChain = *abi.ConvertType(out[1], new(bool)).(*bool)
	return *outstruct, nil
}

// PackMinerOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68e94c4f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minerOwner(uint64 ) view returns(address)
func (providerRegistry *ProviderRegistry) PackMinerOwner(arg0 uint64) []byte {
	enc, err := providerRegistry.abi.Pack("minerOwner", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinerOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68e94c4f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minerOwner(uint64 ) view returns(address)
func (providerRegistry *ProviderRegistry) TryPackMinerOwner(arg0 uint64) ([]byte, error) {
	return providerRegistry.abi.Pack("minerOwner", arg0)
}

// UnpackMinerOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x68e94c4f.
//
// Solidity: function minerOwner(uint64 ) view returns(address)
func (providerRegistry *ProviderRegistry) UnpackMinerOwner(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("minerOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (providerRegistry *ProviderRegistry) PackOwner() []byte {
	enc, err := providerRegistry.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (providerRegistry *ProviderRegistry) TryPackOwner() ([]byte, error) {
	return providerRegistry.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (providerRegistry *ProviderRegistry) UnpackOwner(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPeerOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0996b5a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function peerOwner(bytes32 ) view returns(address)
func (providerRegistry *ProviderRegistry) PackPeerOwner(arg0 [32]byte) []byte {
	enc, err := providerRegistry.abi.Pack("peerOwner", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPeerOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0996b5a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function peerOwner(bytes32 ) view returns(address)
func (providerRegistry *ProviderRegistry) TryPackPeerOwner(arg0 [32]byte) ([]byte, error) {
	return providerRegistry.abi.Pack("peerOwner", arg0)
}

// UnpackPeerOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0996b5a4.
//
// Solidity: function peerOwner(bytes32 ) view returns(address)
func (providerRegistry *ProviderRegistry) UnpackPeerOwner(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("peerOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (providerRegistry *ProviderRegistry) PackPendingOwner() []byte {
	enc, err := providerRegistry.abi.Pack("pendingOwner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingOwner() view returns(address)
func (providerRegistry *ProviderRegistry) TryPackPendingOwner() ([]byte, error) {
	return providerRegistry.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (providerRegistry *ProviderRegistry) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackProviderInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ae25916.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function providerInfo(address provider) view returns(uint256 staked, uint256 locked, uint256 unbonding, uint64 unbondingEnds, bool registered, bytes32 peerIdHash)
func (providerRegistry *ProviderRegistry) PackProviderInfo(provider common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("providerInfo", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProviderInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ae25916.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function providerInfo(address provider) view returns(uint256 staked, uint256 locked, uint256 unbonding, uint64 unbondingEnds, bool registered, bytes32 peerIdHash)
func (providerRegistry *ProviderRegistry) TryPackProviderInfo(provider common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("providerInfo", provider)
}

// ProviderInfoOutput serves as a container for the return parameters of contract
// method ProviderInfo.
type ProviderInfoOutput struct {
	Staked        *big.Int
	Locked        *big.Int
	Unbonding     *big.Int
	UnbondingEnds uint64
	Registered    bool
	PeerIdHash    [32]byte
}

// UnpackProviderInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3ae25916.
//
// Solidity: function providerInfo(address provider) view returns(uint256 staked, uint256 locked, uint256 unbonding, uint64 unbondingEnds, bool registered, bytes32 peerIdHash)
func (providerRegistry *ProviderRegistry) UnpackProviderInfo(data []byte) (ProviderInfoOutput, error) {
	out, err := providerRegistry.abi.Unpack("providerInfo", data)
	outstruct := new(ProviderInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Staked = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Locked = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Unbonding = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.UnbondingEnds = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	outstruct.Registered = *abi.ConvertType(out[4], new(bool)).(*bool)
	outstruct.PeerIdHash = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	return *outstruct, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4380353.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(bytes peerId, bytes peerSig, bytes metadata) returns()
func (providerRegistry *ProviderRegistry) PackRegister(peerId []byte, peerSig []byte, metadata []byte) []byte {
	enc, err := providerRegistry.abi.Pack("register", peerId, peerSig, metadata)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4380353.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(bytes peerId, bytes peerSig, bytes metadata) returns()
func (providerRegistry *ProviderRegistry) TryPackRegister(peerId []byte, peerSig []byte, metadata []byte) ([]byte, error) {
	return providerRegistry.abi.Pack("register", peerId, peerSig, metadata)
}

// PackRegisterWithMiner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd66894e5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerWithMiner(bytes peerId, bytes peerSig, bytes metadata, uint64 minerId, bytes controllerSig) returns()
func (providerRegistry *ProviderRegistry) PackRegisterWithMiner(peerId []byte, peerSig []byte, metadata []byte, minerId uint64, controllerSig []byte) []byte {
	enc, err := providerRegistry.abi.Pack("registerWithMiner", peerId, peerSig, metadata, minerId, controllerSig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterWithMiner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd66894e5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerWithMiner(bytes peerId, bytes peerSig, bytes metadata, uint64 minerId, bytes controllerSig) returns()
func (providerRegistry *ProviderRegistry) TryPackRegisterWithMiner(peerId []byte, peerSig []byte, metadata []byte, minerId uint64, controllerSig []byte) ([]byte, error) {
	return providerRegistry.abi.Pack("registerWithMiner", peerId, peerSig, metadata, minerId, controllerSig)
}

// PackRegistrationDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4167863b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registrationDigest(address provider, bytes peerId) view returns(bytes32)
func (providerRegistry *ProviderRegistry) PackRegistrationDigest(provider common.Address, peerId []byte) []byte {
	enc, err := providerRegistry.abi.Pack("registrationDigest", provider, peerId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistrationDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4167863b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registrationDigest(address provider, bytes peerId) view returns(bytes32)
func (providerRegistry *ProviderRegistry) TryPackRegistrationDigest(provider common.Address, peerId []byte) ([]byte, error) {
	return providerRegistry.abi.Pack("registrationDigest", provider, peerId)
}

// UnpackRegistrationDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4167863b.
//
// Solidity: function registrationDigest(address provider, bytes peerId) view returns(bytes32)
func (providerRegistry *ProviderRegistry) UnpackRegistrationDigest(data []byte) ([32]byte, error) {
	out, err := providerRegistry.abi.Unpack("registrationDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (providerRegistry *ProviderRegistry) PackRenounceOwnership() []byte {
	enc, err := providerRegistry.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (providerRegistry *ProviderRegistry) TryPackRenounceOwnership() ([]byte, error) {
	return providerRegistry.abi.Pack("renounceOwnership")
}

// PackSetMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6dcea85f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setMarket(address market_) returns()
func (providerRegistry *ProviderRegistry) PackSetMarket(market common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("setMarket", market)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetMarket is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6dcea85f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setMarket(address market_) returns()
func (providerRegistry *ProviderRegistry) TryPackSetMarket(market common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("setMarket", market)
}

// PackSetStakingParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72ecd8fd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setStakingParams(uint96 minStake_, uint64 unbondingDelay_) returns()
func (providerRegistry *ProviderRegistry) PackSetStakingParams(minStake *big.Int, unbondingDelay uint64) []byte {
	enc, err := providerRegistry.abi.Pack("setStakingParams", minStake, unbondingDelay)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetStakingParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x72ecd8fd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setStakingParams(uint96 minStake_, uint64 unbondingDelay_) returns()
func (providerRegistry *ProviderRegistry) TryPackSetStakingParams(minStake *big.Int, unbondingDelay uint64) ([]byte, error) {
	return providerRegistry.abi.Pack("setStakingParams", minStake, unbondingDelay)
}

// PackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfac5990.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slash(address provider, uint256 amount, address to) returns()
func (providerRegistry *ProviderRegistry) PackSlash(provider common.Address, amount *big.Int, to common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("slash", provider, amount, to)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfac5990.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slash(address provider, uint256 amount, address to) returns()
func (providerRegistry *ProviderRegistry) TryPackSlash(provider common.Address, amount *big.Int, to common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("slash", provider, amount, to)
}

// PackStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa694fc3a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stake(uint256 amount) returns()
func (providerRegistry *ProviderRegistry) PackStake(amount *big.Int) []byte {
	enc, err := providerRegistry.abi.Pack("stake", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa694fc3a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stake(uint256 amount) returns()
func (providerRegistry *ProviderRegistry) TryPackStake(amount *big.Int) ([]byte, error) {
	return providerRegistry.abi.Pack("stake", amount)
}

// PackSync is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5841194.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sync(address provider) returns()
func (providerRegistry *ProviderRegistry) PackSync(provider common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("sync", provider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSync is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa5841194.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sync(address provider) returns()
func (providerRegistry *ProviderRegistry) TryPackSync(provider common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("sync", provider)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (providerRegistry *ProviderRegistry) PackToken() []byte {
	enc, err := providerRegistry.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (providerRegistry *ProviderRegistry) TryPackToken() ([]byte, error) {
	return providerRegistry.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (providerRegistry *ProviderRegistry) UnpackToken(data []byte) (common.Address, error) {
	out, err := providerRegistry.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (providerRegistry *ProviderRegistry) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := providerRegistry.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (providerRegistry *ProviderRegistry) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return providerRegistry.abi.Pack("transferOwnership", newOwner)
}

// PackUnbindMiner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa35f8e9e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unbindMiner() returns()
func (providerRegistry *ProviderRegistry) PackUnbindMiner() []byte {
	enc, err := providerRegistry.abi.Pack("unbindMiner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnbindMiner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa35f8e9e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unbindMiner() returns()
func (providerRegistry *ProviderRegistry) TryPackUnbindMiner() ([]byte, error) {
	return providerRegistry.abi.Pack("unbindMiner")
}

// PackUnbondingDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdb7dd35a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unbondingDelay() view returns(uint64)
func (providerRegistry *ProviderRegistry) PackUnbondingDelay() []byte {
	enc, err := providerRegistry.abi.Pack("unbondingDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnbondingDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdb7dd35a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unbondingDelay() view returns(uint64)
func (providerRegistry *ProviderRegistry) TryPackUnbondingDelay() ([]byte, error) {
	return providerRegistry.abi.Pack("unbondingDelay")
}

// UnpackUnbondingDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdb7dd35a.
//
// Solidity: function unbondingDelay() view returns(uint64)
func (providerRegistry *ProviderRegistry) UnpackUnbondingDelay(data []byte) (uint64, error) {
	out, err := providerRegistry.abi.Unpack("unbondingDelay", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7eee288d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unlock(address provider, uint256 amount) returns()
func (providerRegistry *ProviderRegistry) PackUnlock(provider common.Address, amount *big.Int) []byte {
	enc, err := providerRegistry.abi.Pack("unlock", provider, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7eee288d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unlock(address provider, uint256 amount) returns()
func (providerRegistry *ProviderRegistry) TryPackUnlock(provider common.Address, amount *big.Int) ([]byte, error) {
	return providerRegistry.abi.Pack("unlock", provider, amount)
}

// PackUnstake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e17de78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unstake(uint256 amount) returns()
func (providerRegistry *ProviderRegistry) PackUnstake(amount *big.Int) []byte {
	enc, err := providerRegistry.abi.Pack("unstake", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnstake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e17de78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unstake(uint256 amount) returns()
func (providerRegistry *ProviderRegistry) TryPackUnstake(amount *big.Int) ([]byte, error) {
	return providerRegistry.abi.Pack("unstake", amount)
}

// PackUpdateMetadata is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc582d41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateMetadata(bytes metadata) returns()
func (providerRegistry *ProviderRegistry) PackUpdateMetadata(metadata []byte) []byte {
	enc, err := providerRegistry.abi.Pack("updateMetadata", metadata)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateMetadata is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc582d41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateMetadata(bytes metadata) returns()
func (providerRegistry *ProviderRegistry) TryPackUpdateMetadata(metadata []byte) ([]byte, error) {
	return providerRegistry.abi.Pack("updateMetadata", metadata)
}

// PackWithdrawStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbed9d861.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawStake() returns()
func (providerRegistry *ProviderRegistry) PackWithdrawStake() []byte {
	enc, err := providerRegistry.abi.Pack("withdrawStake")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbed9d861.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawStake() returns()
func (providerRegistry *ProviderRegistry) TryPackWithdrawStake() ([]byte, error) {
	return providerRegistry.abi.Pack("withdrawStake")
}

// ProviderRegistryActiveChanged represents a ActiveChanged event raised by the ProviderRegistry contract.
type ProviderRegistryActiveChanged struct {
	Provider common.Address
	Active   bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryActiveChangedEventName = "ActiveChanged"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryActiveChanged) ContractEventName() string {
	return ProviderRegistryActiveChangedEventName
}

// UnpackActiveChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ActiveChanged(address indexed provider, bool active)
func (providerRegistry *ProviderRegistry) UnpackActiveChangedEvent(log *types.Log) (*ProviderRegistryActiveChanged, error) {
	event := "ActiveChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryActiveChanged)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryLocked represents a Locked event raised by the ProviderRegistry contract.
type ProviderRegistryLocked struct {
	Provider common.Address
	Amount   *big.Int
	Locked   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryLockedEventName = "Locked"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryLocked) ContractEventName() string {
	return ProviderRegistryLockedEventName
}

// UnpackLockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Locked(address indexed provider, uint256 amount, uint256 locked)
func (providerRegistry *ProviderRegistry) UnpackLockedEvent(log *types.Log) (*ProviderRegistryLocked, error) {
	event := "Locked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryLocked)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryMarketSet represents a MarketSet event raised by the ProviderRegistry contract.
type ProviderRegistryMarketSet struct {
	Market common.Address
	Raw    *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryMarketSetEventName = "MarketSet"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryMarketSet) ContractEventName() string {
	return ProviderRegistryMarketSetEventName
}

// UnpackMarketSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MarketSet(address indexed market)
func (providerRegistry *ProviderRegistry) UnpackMarketSetEvent(log *types.Log) (*ProviderRegistryMarketSet, error) {
	event := "MarketSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryMarketSet)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryMetadataUpdated represents a MetadataUpdated event raised by the ProviderRegistry contract.
type ProviderRegistryMetadataUpdated struct {
	Provider common.Address
	Metadata []byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryMetadataUpdatedEventName = "MetadataUpdated"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryMetadataUpdated) ContractEventName() string {
	return ProviderRegistryMetadataUpdatedEventName
}

// UnpackMetadataUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MetadataUpdated(address indexed provider, bytes metadata)
func (providerRegistry *ProviderRegistry) UnpackMetadataUpdatedEvent(log *types.Log) (*ProviderRegistryMetadataUpdated, error) {
	event := "MetadataUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryMetadataUpdated)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryMinerBound represents a MinerBound event raised by the ProviderRegistry contract.
type ProviderRegistryMinerBound struct {
	Provider        common.Address
	MinerId         uint64
	VerifiedOnChain bool
	ControllerSig   []byte
	Raw             *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryMinerBoundEventName = "MinerBound"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryMinerBound) ContractEventName() string {
	return ProviderRegistryMinerBoundEventName
}

// UnpackMinerBoundEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MinerBound(address indexed provider, uint64 indexed minerId, bool verifiedOnChain, bytes controllerSig)
func (providerRegistry *ProviderRegistry) UnpackMinerBoundEvent(log *types.Log) (*ProviderRegistryMinerBound, error) {
	event := "MinerBound"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryMinerBound)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryMinerUnbound represents a MinerUnbound event raised by the ProviderRegistry contract.
type ProviderRegistryMinerUnbound struct {
	Provider common.Address
	MinerId  uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryMinerUnboundEventName = "MinerUnbound"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryMinerUnbound) ContractEventName() string {
	return ProviderRegistryMinerUnboundEventName
}

// UnpackMinerUnboundEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MinerUnbound(address indexed provider, uint64 indexed minerId)
func (providerRegistry *ProviderRegistry) UnpackMinerUnboundEvent(log *types.Log) (*ProviderRegistryMinerUnbound, error) {
	event := "MinerUnbound"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryMinerUnbound)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the ProviderRegistry contract.
type ProviderRegistryOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryOwnershipTransferStarted) ContractEventName() string {
	return ProviderRegistryOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (providerRegistry *ProviderRegistry) UnpackOwnershipTransferStartedEvent(log *types.Log) (*ProviderRegistryOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryOwnershipTransferred represents a OwnershipTransferred event raised by the ProviderRegistry contract.
type ProviderRegistryOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryOwnershipTransferred) ContractEventName() string {
	return ProviderRegistryOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (providerRegistry *ProviderRegistry) UnpackOwnershipTransferredEvent(log *types.Log) (*ProviderRegistryOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryPeerIdReclaimed represents a PeerIdReclaimed event raised by the ProviderRegistry contract.
type ProviderRegistryPeerIdReclaimed struct {
	Holder     common.Address
	Claimant   common.Address
	MinerId    uint64
	PeerIdHash [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryPeerIdReclaimedEventName = "PeerIdReclaimed"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryPeerIdReclaimed) ContractEventName() string {
	return ProviderRegistryPeerIdReclaimedEventName
}

// UnpackPeerIdReclaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PeerIdReclaimed(address indexed holder, address indexed claimant, uint64 indexed minerId, bytes32 peerIdHash)
func (providerRegistry *ProviderRegistry) UnpackPeerIdReclaimedEvent(log *types.Log) (*ProviderRegistryPeerIdReclaimed, error) {
	event := "PeerIdReclaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryPeerIdReclaimed)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryProviderRegistered represents a ProviderRegistered event raised by the ProviderRegistry contract.
type ProviderRegistryProviderRegistered struct {
	Provider common.Address
	PeerId   []byte
	PeerSig  []byte
	Metadata []byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryProviderRegisteredEventName = "ProviderRegistered"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryProviderRegistered) ContractEventName() string {
	return ProviderRegistryProviderRegisteredEventName
}

// UnpackProviderRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProviderRegistered(address indexed provider, bytes peerId, bytes peerSig, bytes metadata)
func (providerRegistry *ProviderRegistry) UnpackProviderRegisteredEvent(log *types.Log) (*ProviderRegistryProviderRegistered, error) {
	event := "ProviderRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryProviderRegistered)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistrySlashed represents a Slashed event raised by the ProviderRegistry contract.
type ProviderRegistrySlashed struct {
	Provider      common.Address
	Amount        *big.Int
	FromUnbonding *big.Int
	To            common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const ProviderRegistrySlashedEventName = "Slashed"

// ContractEventName returns the user-defined event name.
func (ProviderRegistrySlashed) ContractEventName() string {
	return ProviderRegistrySlashedEventName
}

// UnpackSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Slashed(address indexed provider, uint256 amount, uint256 fromUnbonding, address indexed to)
func (providerRegistry *ProviderRegistry) UnpackSlashedEvent(log *types.Log) (*ProviderRegistrySlashed, error) {
	event := "Slashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistrySlashed)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryStakeWithdrawn represents a StakeWithdrawn event raised by the ProviderRegistry contract.
type ProviderRegistryStakeWithdrawn struct {
	Provider common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryStakeWithdrawnEventName = "StakeWithdrawn"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryStakeWithdrawn) ContractEventName() string {
	return ProviderRegistryStakeWithdrawnEventName
}

// UnpackStakeWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event StakeWithdrawn(address indexed provider, uint256 amount)
func (providerRegistry *ProviderRegistry) UnpackStakeWithdrawnEvent(log *types.Log) (*ProviderRegistryStakeWithdrawn, error) {
	event := "StakeWithdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryStakeWithdrawn)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryStaked represents a Staked event raised by the ProviderRegistry contract.
type ProviderRegistryStaked struct {
	Provider common.Address
	Amount   *big.Int
	Staked   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryStakedEventName = "Staked"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryStaked) ContractEventName() string {
	return ProviderRegistryStakedEventName
}

// UnpackStakedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Staked(address indexed provider, uint256 amount, uint256 staked)
func (providerRegistry *ProviderRegistry) UnpackStakedEvent(log *types.Log) (*ProviderRegistryStaked, error) {
	event := "Staked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryStaked)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryStakingParamsSet represents a StakingParamsSet event raised by the ProviderRegistry contract.
type ProviderRegistryStakingParamsSet struct {
	MinStake       *big.Int
	UnbondingDelay uint64
	Raw            *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryStakingParamsSetEventName = "StakingParamsSet"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryStakingParamsSet) ContractEventName() string {
	return ProviderRegistryStakingParamsSetEventName
}

// UnpackStakingParamsSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event StakingParamsSet(uint96 minStake, uint64 unbondingDelay)
func (providerRegistry *ProviderRegistry) UnpackStakingParamsSetEvent(log *types.Log) (*ProviderRegistryStakingParamsSet, error) {
	event := "StakingParamsSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryStakingParamsSet)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryUnlocked represents a Unlocked event raised by the ProviderRegistry contract.
type ProviderRegistryUnlocked struct {
	Provider common.Address
	Amount   *big.Int
	Locked   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryUnlockedEventName = "Unlocked"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryUnlocked) ContractEventName() string {
	return ProviderRegistryUnlockedEventName
}

// UnpackUnlockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unlocked(address indexed provider, uint256 amount, uint256 locked)
func (providerRegistry *ProviderRegistry) UnpackUnlockedEvent(log *types.Log) (*ProviderRegistryUnlocked, error) {
	event := "Unlocked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryUnlocked)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ProviderRegistryUnstaked represents a Unstaked event raised by the ProviderRegistry contract.
type ProviderRegistryUnstaked struct {
	Provider      common.Address
	Amount        *big.Int
	Staked        *big.Int
	Unbonding     *big.Int
	UnbondingEnds uint64
	Raw           *types.Log // Blockchain specific contextual infos
}

const ProviderRegistryUnstakedEventName = "Unstaked"

// ContractEventName returns the user-defined event name.
func (ProviderRegistryUnstaked) ContractEventName() string {
	return ProviderRegistryUnstakedEventName
}

// UnpackUnstakedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unstaked(address indexed provider, uint256 amount, uint256 staked, uint256 unbonding, uint64 unbondingEnds)
func (providerRegistry *ProviderRegistry) UnpackUnstakedEvent(log *types.Log) (*ProviderRegistryUnstaked, error) {
	event := "Unstaked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != providerRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProviderRegistryUnstaked)
	if len(log.Data) > 0 {
		if err := providerRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range providerRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (providerRegistry *ProviderRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["AmountTooLarge"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackAmountTooLargeError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["BadMinerId"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackBadMinerIdError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["BadPeerId"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackBadPeerIdError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["ControllerSigTooLong"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackControllerSigTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["InsufficientFreeStake"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackInsufficientFreeStakeError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["MarketAlreadySet"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackMarketAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["MetadataTooLong"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackMetadataTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["MinerActorError"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackMinerActorErrorError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["MinerCallFailed"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackMinerCallFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["MinerCheckUnavailable"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackMinerCheckUnavailableError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["MinerPeerIdMismatch"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackMinerPeerIdMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["MinerReturnMalformed"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackMinerReturnMalformedError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["NoMinerBound"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackNoMinerBoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["NotActive"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["NotMarket"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackNotMarketError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["NotRegistered"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackNotRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["NotUnbonded"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackNotUnbondedError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["ParamOutOfRange"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackParamOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["PeerIdHeldByCheckedMiner"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackPeerIdHeldByCheckedMinerError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["PeerIdTaken"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackPeerIdTakenError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["SlashExceedsStake"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackSlashExceedsStakeError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["UnlockExceedsLocked"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackUnlockExceedsLockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], providerRegistry.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return providerRegistry.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ProviderRegistryAmountTooLarge represents a AmountTooLarge error raised by the ProviderRegistry contract.
type ProviderRegistryAmountTooLarge struct {
	Amount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AmountTooLarge(uint256 amount)
func ProviderRegistryAmountTooLargeErrorID() common.Hash {
	return common.HexToHash("0x08083b2a16b607736bde3b2f81a2e47b6cddd068539243b1d8b47462dd533e58")
}

// UnpackAmountTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AmountTooLarge(uint256 amount)
func (providerRegistry *ProviderRegistry) UnpackAmountTooLargeError(raw []byte) (*ProviderRegistryAmountTooLarge, error) {
	out := new(ProviderRegistryAmountTooLarge)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "AmountTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryBadMinerId represents a BadMinerId error raised by the ProviderRegistry contract.
type ProviderRegistryBadMinerId struct {
	MinerId uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadMinerId(uint64 minerId)
func ProviderRegistryBadMinerIdErrorID() common.Hash {
	return common.HexToHash("0xf273e418b4b6a1a3979a7ff1f0ca25b40dd88c9598989544f54f6dcdb5d3cca3")
}

// UnpackBadMinerIdError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadMinerId(uint64 minerId)
func (providerRegistry *ProviderRegistry) UnpackBadMinerIdError(raw []byte) (*ProviderRegistryBadMinerId, error) {
	out := new(ProviderRegistryBadMinerId)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "BadMinerId", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryBadPeerId represents a BadPeerId error raised by the ProviderRegistry contract.
type ProviderRegistryBadPeerId struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadPeerId()
func ProviderRegistryBadPeerIdErrorID() common.Hash {
	return common.HexToHash("0x11795d9b52c482bd3908f9e9a8c042b8d6ed9bd34664878708a6011cffe94eec")
}

// UnpackBadPeerIdError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadPeerId()
func (providerRegistry *ProviderRegistry) UnpackBadPeerIdError(raw []byte) (*ProviderRegistryBadPeerId, error) {
	out := new(ProviderRegistryBadPeerId)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "BadPeerId", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryControllerSigTooLong represents a ControllerSigTooLong error raised by the ProviderRegistry contract.
type ProviderRegistryControllerSigTooLong struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ControllerSigTooLong(uint256 length)
func ProviderRegistryControllerSigTooLongErrorID() common.Hash {
	return common.HexToHash("0xaf81408376710d23a435b5a9da45e0470ce04d832581c3f66df7caf91ef9c550")
}

// UnpackControllerSigTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ControllerSigTooLong(uint256 length)
func (providerRegistry *ProviderRegistry) UnpackControllerSigTooLongError(raw []byte) (*ProviderRegistryControllerSigTooLong, error) {
	out := new(ProviderRegistryControllerSigTooLong)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "ControllerSigTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryInsufficientFreeStake represents a InsufficientFreeStake error raised by the ProviderRegistry contract.
type ProviderRegistryInsufficientFreeStake struct {
	Free   *big.Int
	Needed *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientFreeStake(uint256 free, uint256 needed)
func ProviderRegistryInsufficientFreeStakeErrorID() common.Hash {
	return common.HexToHash("0x802f3a423cea712dbebecc8f1c7ad9a357d722179ad2025178cd6f812e465c77")
}

// UnpackInsufficientFreeStakeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientFreeStake(uint256 free, uint256 needed)
func (providerRegistry *ProviderRegistry) UnpackInsufficientFreeStakeError(raw []byte) (*ProviderRegistryInsufficientFreeStake, error) {
	out := new(ProviderRegistryInsufficientFreeStake)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "InsufficientFreeStake", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMarketAlreadySet represents a MarketAlreadySet error raised by the ProviderRegistry contract.
type ProviderRegistryMarketAlreadySet struct {
	Market common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MarketAlreadySet(address market)
func ProviderRegistryMarketAlreadySetErrorID() common.Hash {
	return common.HexToHash("0x599ad35b0c1b13a1f0c131c6bd304efa5ade8b5da397759b889340b0cf92de58")
}

// UnpackMarketAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MarketAlreadySet(address market)
func (providerRegistry *ProviderRegistry) UnpackMarketAlreadySetError(raw []byte) (*ProviderRegistryMarketAlreadySet, error) {
	out := new(ProviderRegistryMarketAlreadySet)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "MarketAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMetadataTooLong represents a MetadataTooLong error raised by the ProviderRegistry contract.
type ProviderRegistryMetadataTooLong struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MetadataTooLong(uint256 length)
func ProviderRegistryMetadataTooLongErrorID() common.Hash {
	return common.HexToHash("0x10940ba17ee3363641e89f25bf971b7658044829415881d32c60609ef0cd9779")
}

// UnpackMetadataTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MetadataTooLong(uint256 length)
func (providerRegistry *ProviderRegistry) UnpackMetadataTooLongError(raw []byte) (*ProviderRegistryMetadataTooLong, error) {
	out := new(ProviderRegistryMetadataTooLong)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "MetadataTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMinerActorError represents a MinerActorError error raised by the ProviderRegistry contract.
type ProviderRegistryMinerActorError struct {
	MinerId  uint64
	ExitCode *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MinerActorError(uint64 minerId, int256 exitCode)
func ProviderRegistryMinerActorErrorErrorID() common.Hash {
	return common.HexToHash("0xcc6db178bb66ff977d93553c544b55356682c6ea7b69adabb7fc1c18c517247d")
}

// UnpackMinerActorErrorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MinerActorError(uint64 minerId, int256 exitCode)
func (providerRegistry *ProviderRegistry) UnpackMinerActorErrorError(raw []byte) (*ProviderRegistryMinerActorError, error) {
	out := new(ProviderRegistryMinerActorError)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "MinerActorError", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMinerCallFailed represents a MinerCallFailed error raised by the ProviderRegistry contract.
type ProviderRegistryMinerCallFailed struct {
	MinerId uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MinerCallFailed(uint64 minerId)
func ProviderRegistryMinerCallFailedErrorID() common.Hash {
	return common.HexToHash("0x9ba74afe676f4f831cd34858b7a9f73b8e40e38a89f28cbed21b5c8056a2d9b2")
}

// UnpackMinerCallFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MinerCallFailed(uint64 minerId)
func (providerRegistry *ProviderRegistry) UnpackMinerCallFailedError(raw []byte) (*ProviderRegistryMinerCallFailed, error) {
	out := new(ProviderRegistryMinerCallFailed)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "MinerCallFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMinerCheckUnavailable represents a MinerCheckUnavailable error raised by the ProviderRegistry contract.
type ProviderRegistryMinerCheckUnavailable struct {
	MinerId uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MinerCheckUnavailable(uint64 minerId)
func ProviderRegistryMinerCheckUnavailableErrorID() common.Hash {
	return common.HexToHash("0x48e76ee927967e32507e45553eb6daa420486d51a32357b13a1f4e429f5e2406")
}

// UnpackMinerCheckUnavailableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MinerCheckUnavailable(uint64 minerId)
func (providerRegistry *ProviderRegistry) UnpackMinerCheckUnavailableError(raw []byte) (*ProviderRegistryMinerCheckUnavailable, error) {
	out := new(ProviderRegistryMinerCheckUnavailable)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "MinerCheckUnavailable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMinerPeerIdMismatch represents a MinerPeerIdMismatch error raised by the ProviderRegistry contract.
type ProviderRegistryMinerPeerIdMismatch struct {
	MinerId    uint64
	Registered [32]byte
	OnChain    [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MinerPeerIdMismatch(uint64 minerId, bytes32 registered, bytes32 onChain)
func ProviderRegistryMinerPeerIdMismatchErrorID() common.Hash {
	return common.HexToHash("0x6924e625e65bd430a5f9dfb62b2b33b88140d4a13c91690f83ff74d05d74e20c")
}

// UnpackMinerPeerIdMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MinerPeerIdMismatch(uint64 minerId, bytes32 registered, bytes32 onChain)
func (providerRegistry *ProviderRegistry) UnpackMinerPeerIdMismatchError(raw []byte) (*ProviderRegistryMinerPeerIdMismatch, error) {
	out := new(ProviderRegistryMinerPeerIdMismatch)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "MinerPeerIdMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryMinerReturnMalformed represents a MinerReturnMalformed error raised by the ProviderRegistry contract.
type ProviderRegistryMinerReturnMalformed struct {
	MinerId uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error MinerReturnMalformed(uint64 minerId)
func ProviderRegistryMinerReturnMalformedErrorID() common.Hash {
	return common.HexToHash("0x268fb17887fff525db1ecaae742827b9f5cf2054529f4f7ec1d25fd79f5cc254")
}

// UnpackMinerReturnMalformedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error MinerReturnMalformed(uint64 minerId)
func (providerRegistry *ProviderRegistry) UnpackMinerReturnMalformedError(raw []byte) (*ProviderRegistryMinerReturnMalformed, error) {
	out := new(ProviderRegistryMinerReturnMalformed)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "MinerReturnMalformed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryNoMinerBound represents a NoMinerBound error raised by the ProviderRegistry contract.
type ProviderRegistryNoMinerBound struct {
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoMinerBound(address provider)
func ProviderRegistryNoMinerBoundErrorID() common.Hash {
	return common.HexToHash("0x7b70846581a40daa77b09560b23857d6579c79e05ad97d8235ce21753da902b7")
}

// UnpackNoMinerBoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoMinerBound(address provider)
func (providerRegistry *ProviderRegistry) UnpackNoMinerBoundError(raw []byte) (*ProviderRegistryNoMinerBound, error) {
	out := new(ProviderRegistryNoMinerBound)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "NoMinerBound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryNotActive represents a NotActive error raised by the ProviderRegistry contract.
type ProviderRegistryNotActive struct {
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotActive(address provider)
func ProviderRegistryNotActiveErrorID() common.Hash {
	return common.HexToHash("0x4022bc554c72cf2c9ccd5d09c2ade2b82a349ca5f4d7a60324bb8fda79446fb3")
}

// UnpackNotActiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotActive(address provider)
func (providerRegistry *ProviderRegistry) UnpackNotActiveError(raw []byte) (*ProviderRegistryNotActive, error) {
	out := new(ProviderRegistryNotActive)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "NotActive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryNotMarket represents a NotMarket error raised by the ProviderRegistry contract.
type ProviderRegistryNotMarket struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMarket(address caller)
func ProviderRegistryNotMarketErrorID() common.Hash {
	return common.HexToHash("0xbfae38b33907467ea3651d4564b66c7df27bbd52b3924e47aa461b118ab3c8a3")
}

// UnpackNotMarketError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMarket(address caller)
func (providerRegistry *ProviderRegistry) UnpackNotMarketError(raw []byte) (*ProviderRegistryNotMarket, error) {
	out := new(ProviderRegistryNotMarket)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "NotMarket", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryNotRegistered represents a NotRegistered error raised by the ProviderRegistry contract.
type ProviderRegistryNotRegistered struct {
	Provider common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRegistered(address provider)
func ProviderRegistryNotRegisteredErrorID() common.Hash {
	return common.HexToHash("0xbfc6c337a80b7b8201f77f0a2a54c6e5f7c6fd9124a749804a482fa16ee8a895")
}

// UnpackNotRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRegistered(address provider)
func (providerRegistry *ProviderRegistry) UnpackNotRegisteredError(raw []byte) (*ProviderRegistryNotRegistered, error) {
	out := new(ProviderRegistryNotRegistered)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "NotRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryNotUnbonded represents a NotUnbonded error raised by the ProviderRegistry contract.
type ProviderRegistryNotUnbonded struct {
	UnbondingEnds uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotUnbonded(uint64 unbondingEnds)
func ProviderRegistryNotUnbondedErrorID() common.Hash {
	return common.HexToHash("0xb17e4eca3bd17c761376109a1cc756fe8cb6272eb236720d227f001b65fe6146")
}

// UnpackNotUnbondedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotUnbonded(uint64 unbondingEnds)
func (providerRegistry *ProviderRegistry) UnpackNotUnbondedError(raw []byte) (*ProviderRegistryNotUnbonded, error) {
	out := new(ProviderRegistryNotUnbonded)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "NotUnbonded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the ProviderRegistry contract.
type ProviderRegistryOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func ProviderRegistryOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (providerRegistry *ProviderRegistry) UnpackOwnableInvalidOwnerError(raw []byte) (*ProviderRegistryOwnableInvalidOwner, error) {
	out := new(ProviderRegistryOwnableInvalidOwner)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the ProviderRegistry contract.
type ProviderRegistryOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func ProviderRegistryOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (providerRegistry *ProviderRegistry) UnpackOwnableUnauthorizedAccountError(raw []byte) (*ProviderRegistryOwnableUnauthorizedAccount, error) {
	out := new(ProviderRegistryOwnableUnauthorizedAccount)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryParamOutOfRange represents a ParamOutOfRange error raised by the ProviderRegistry contract.
type ProviderRegistryParamOutOfRange struct {
	Name string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ParamOutOfRange(string name)
func ProviderRegistryParamOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x510d2652220869a81f2d806023f1a4aa88bbb6493c60cd186d41a614f5cb6e2c")
}

// UnpackParamOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ParamOutOfRange(string name)
func (providerRegistry *ProviderRegistry) UnpackParamOutOfRangeError(raw []byte) (*ProviderRegistryParamOutOfRange, error) {
	out := new(ProviderRegistryParamOutOfRange)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "ParamOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryPeerIdHeldByCheckedMiner represents a PeerIdHeldByCheckedMiner error raised by the ProviderRegistry contract.
type ProviderRegistryPeerIdHeldByCheckedMiner struct {
	Holder  common.Address
	MinerId uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PeerIdHeldByCheckedMiner(address holder, uint64 minerId)
func ProviderRegistryPeerIdHeldByCheckedMinerErrorID() common.Hash {
	return common.HexToHash("0x9baf3b3b3b6add5283c0dcaa6574261328749ca4258977174b909f656e105d89")
}

// UnpackPeerIdHeldByCheckedMinerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PeerIdHeldByCheckedMiner(address holder, uint64 minerId)
func (providerRegistry *ProviderRegistry) UnpackPeerIdHeldByCheckedMinerError(raw []byte) (*ProviderRegistryPeerIdHeldByCheckedMiner, error) {
	out := new(ProviderRegistryPeerIdHeldByCheckedMiner)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "PeerIdHeldByCheckedMiner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryPeerIdTaken represents a PeerIdTaken error raised by the ProviderRegistry contract.
type ProviderRegistryPeerIdTaken struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PeerIdTaken(address owner)
func ProviderRegistryPeerIdTakenErrorID() common.Hash {
	return common.HexToHash("0xba387c5e0345818b3b54c77f19016047c4b1aa0a0d961bceb9f0a54d81891c8b")
}

// UnpackPeerIdTakenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PeerIdTaken(address owner)
func (providerRegistry *ProviderRegistry) UnpackPeerIdTakenError(raw []byte) (*ProviderRegistryPeerIdTaken, error) {
	out := new(ProviderRegistryPeerIdTaken)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "PeerIdTaken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the ProviderRegistry contract.
type ProviderRegistryReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func ProviderRegistryReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (providerRegistry *ProviderRegistry) UnpackReentrancyGuardReentrantCallError(raw []byte) (*ProviderRegistryReentrancyGuardReentrantCall, error) {
	out := new(ProviderRegistryReentrancyGuardReentrantCall)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistrySafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the ProviderRegistry contract.
type ProviderRegistrySafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func ProviderRegistrySafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (providerRegistry *ProviderRegistry) UnpackSafeERC20FailedOperationError(raw []byte) (*ProviderRegistrySafeERC20FailedOperation, error) {
	out := new(ProviderRegistrySafeERC20FailedOperation)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistrySlashExceedsStake represents a SlashExceedsStake error raised by the ProviderRegistry contract.
type ProviderRegistrySlashExceedsStake struct {
	Available *big.Int
	Amount    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SlashExceedsStake(uint256 available, uint256 amount)
func ProviderRegistrySlashExceedsStakeErrorID() common.Hash {
	return common.HexToHash("0x66ccfd069d94cafbbe2192bc54effacbf71a1b724647b29a5ca5abff0e9e0ede")
}

// UnpackSlashExceedsStakeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SlashExceedsStake(uint256 available, uint256 amount)
func (providerRegistry *ProviderRegistry) UnpackSlashExceedsStakeError(raw []byte) (*ProviderRegistrySlashExceedsStake, error) {
	out := new(ProviderRegistrySlashExceedsStake)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "SlashExceedsStake", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryUnlockExceedsLocked represents a UnlockExceedsLocked error raised by the ProviderRegistry contract.
type ProviderRegistryUnlockExceedsLocked struct {
	Locked *big.Int
	Amount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnlockExceedsLocked(uint256 locked, uint256 amount)
func ProviderRegistryUnlockExceedsLockedErrorID() common.Hash {
	return common.HexToHash("0x86bd84a7466763b9364862c4b0f06189973a5d29006593af0ef4b8d25ecfb200")
}

// UnpackUnlockExceedsLockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnlockExceedsLocked(uint256 locked, uint256 amount)
func (providerRegistry *ProviderRegistry) UnpackUnlockExceedsLockedError(raw []byte) (*ProviderRegistryUnlockExceedsLocked, error) {
	out := new(ProviderRegistryUnlockExceedsLocked)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "UnlockExceedsLocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryZeroAddress represents a ZeroAddress error raised by the ProviderRegistry contract.
type ProviderRegistryZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func ProviderRegistryZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (providerRegistry *ProviderRegistry) UnpackZeroAddressError(raw []byte) (*ProviderRegistryZeroAddress, error) {
	out := new(ProviderRegistryZeroAddress)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProviderRegistryZeroAmount represents a ZeroAmount error raised by the ProviderRegistry contract.
type ProviderRegistryZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func ProviderRegistryZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (providerRegistry *ProviderRegistry) UnpackZeroAmountError(raw []byte) (*ProviderRegistryZeroAmount, error) {
	out := new(ProviderRegistryZeroAmount)
	if err := providerRegistry.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebasingTokenMetaData contains all meta data concerning the RebasingToken contract.
var RebasingTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"growthPerBlock_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"growthPerBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"touched\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "32f2b97d15ad7e8c16e994455167cc4a05",
	Bin: "0x60a06040523461033e57610ba96020813803918261001c81610342565b93849283398101031261033e57516100346040610342565b9060088252675265626173696e6760c01b60208301526100546040610342565b60038152622922a160e91b602082015282519091906001600160401b03811161024457600354600181811c91168015610334575b602082101461022657601f81116102c6575b506020601f821160011461026357819293945f92610258575b50508160011b915f199060031b1c1916176003555b81516001600160401b03811161024457600454600181811c9116801561023a575b602082101461022657601f81116101b8575b50602092601f821160011461015757928192935f9261014c575b50508160011b915f199060031b1c1916176004555b6080526040516108419081610368823960805181818161030d015261066a0152f35b015190505f80610115565b601f1982169360045f52805f20915f5b8681106101a05750836001959610610188575b505050811b0160045561012a565b01515f1960f88460031b161c191690555f808061017a565b91926020600181928685015181550194019201610167565b818111156100fb5760045f52601f820160051c7f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b6020841061021e575b81601f9101920160051c03905f5b8281106102115750506100fb565b5f82820155600101610203565b5f91506101f5565b634e487b7160e01b5f52602260045260245ffd5b90607f16906100e9565b634e487b7160e01b5f52604160045260245ffd5b015190505f806100b3565b601f1982169060035f52805f20915f5b8181106102ae57509583600195969710610296575b505050811b016003556100c8565b01515f1960f88460031b161c191690555f8080610288565b9192602060018192868b015181550194019201610273565b8181111561009a5760035f52601f820160051c7fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b6020841061032c575b81601f9101920160051c03905f5b82811061031f57505061009a565b5f82820155600101610311565b5f9150610303565b90607f1690610088565b5f80fd5b6040519190601f01601f191682016001600160401b038111838210176102445760405256fe6080806040526004361015610012575f80fd5b5f3560e01c90816306fdde03146104c957508063095ea7b31461044757806318160ddd1461042a57806323b872dd1461034b578063313ce56714610330578063378dcda6146102f657806340c10f19146102a357806370a082311461027857806395d89b411461015d578063a9059cbb1461012c578063dd62ed3e146100dc5763dd9835ec146100a0575f80fd5b346100d85760203660031901126100d8576001600160a01b036100c16105c2565b165f526005602052602060405f2054604051908152f35b5f80fd5b346100d85760403660031901126100d8576100f56105c2565b6100fd6105d8565b6001600160a01b039182165f908152600160209081526040808320949093168252928352819020549051908152f35b346100d85760403660031901126100d8576101526101486105c2565b602435903361069e565b602060405160018152f35b346100d8575f3660031901126100d8576040515f6004548060011c9060018116801561026e575b60208310811461025a5782855290811561023e57506001146101e9575b50819003601f01601f191681019067ffffffffffffffff8211818310176101d5576101d182918260405282610598565b0390f35b634e487b7160e01b5f52604160045260245ffd5b905060045f527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b5f905b828210610228575060209150820101826101a1565b6001816020925483858801015201910190610213565b90506020925060ff191682840152151560051b820101826101a1565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610184565b346100d85760203660031901126100d857602061029b6102966105c2565b61062f565b604051908152f35b346100d85760403660031901126100d8576102bc6105c2565b6001600160a01b038116156102e357806102d86102e19261075d565b602435906107c7565b005b63ec442f0560e01b5f525f60045260245ffd5b346100d8575f3660031901126100d85760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346100d8575f3660031901126100d857602060405160128152f35b346100d85760603660031901126100d8576103646105c2565b61036c6105d8565b6001600160a01b0382165f818152600160209081526040808320338452909152902054909260443592915f1981106103aa575b50610152935061069e565b83811061040f5784156103fc5733156103e957610152945f52600160205260405f2060018060a01b0333165f526020528360405f20910390558461039f565b634a1406b160e11b5f525f60045260245ffd5b63e602df0560e01b5f525f60045260245ffd5b8390637dc7a0d960e11b5f523360045260245260445260645ffd5b346100d8575f3660031901126100d8576020600254604051908152f35b346100d85760403660031901126100d8576104606105c2565b6024359033156103fc576001600160a01b03169081156103e957335f52600160205260405f20825f526020528060405f20556040519081527f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560203392a3602060405160018152f35b346100d8575f3660031901126100d8575f6003548060011c9060018116801561058e575b60208310811461025a5782855290811561023e57506001146105395750819003601f01601f191681019067ffffffffffffffff8211818310176101d5576101d182918260405282610598565b905060035f527fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b5f905b828210610578575060209150820101826101a1565b6001816020925483858801015201910190610563565b91607f16916104ed565b602060409281835280519182918282860152018484015e5f828201840152601f01601f1916010190565b600435906001600160a01b03821682036100d857565b602435906001600160a01b03821682036100d857565b919082039182116105fb57565b634e487b7160e01b5f52601160045260245ffd5b818102929181159184041417156105fb57565b919082018092116105fb57565b6001600160a01b03165f81815260208190526040902054801561069857610695915f52600560205261068f61066860405f2054436105ee565b7f00000000000000000000000000000000000000000000000000000000000000009061060f565b90610622565b90565b50505f90565b90916001600160a01b03821691821561074a576001600160a01b0384169384156102e3576106ce6106d39261075d565b61075d565b815f525f60205260405f205481811061073157817fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef92602092855f525f84520360405f2055845f525f825260405f20818154019055604051908152a3565b8263391434e360e21b5f5260045260245260445260645ffd5b634b637e8f60e11b5f525f60045260245ffd5b6001600160a01b03811680156107c357805f525f60205260405f2054155f146107a4575f905b5f5260056020524360405f205580610799575050565b6107a2916107c7565b565b805f5260056020526107bd61066860405f2054436105ee565b90610783565b5050565b7fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef60205f926107f885600254610622565b6002556001600160a01b0316938415841461081f5780600254036002555b604051908152a3565b8484528382526040842081815401905561081656fea164736f6c6343000825000a",
}

// RebasingToken is an auto generated Go binding around an Ethereum contract.
type RebasingToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RebasingToken) GetABI() abi.ABI {
	return c.abi
}

// NewRebasingToken creates a new instance of RebasingToken.
func NewRebasingToken() *RebasingToken {
	parsed, err := RebasingTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RebasingToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RebasingToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint256 growthPerBlock_) returns()
func (rebasingToken *RebasingToken) PackConstructor(growthPerBlock_ *big.Int) []byte {
	enc, err := rebasingToken.abi.Pack("", growthPerBlock_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (rebasingToken *RebasingToken) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := rebasingToken.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (rebasingToken *RebasingToken) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return rebasingToken.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (rebasingToken *RebasingToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := rebasingToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := rebasingToken.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return rebasingToken.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) UnpackApprove(data []byte) (bool, error) {
	out, err := rebasingToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (rebasingToken *RebasingToken) PackBalanceOf(account common.Address) []byte {
	enc, err := rebasingToken.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (rebasingToken *RebasingToken) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return rebasingToken.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (rebasingToken *RebasingToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := rebasingToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (rebasingToken *RebasingToken) PackDecimals() []byte {
	enc, err := rebasingToken.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (rebasingToken *RebasingToken) TryPackDecimals() ([]byte, error) {
	return rebasingToken.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (rebasingToken *RebasingToken) UnpackDecimals(data []byte) (uint8, error) {
	out, err := rebasingToken.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackGrowthPerBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x378dcda6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function growthPerBlock() view returns(uint256)
func (rebasingToken *RebasingToken) PackGrowthPerBlock() []byte {
	enc, err := rebasingToken.abi.Pack("growthPerBlock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrowthPerBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x378dcda6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function growthPerBlock() view returns(uint256)
func (rebasingToken *RebasingToken) TryPackGrowthPerBlock() ([]byte, error) {
	return rebasingToken.abi.Pack("growthPerBlock")
}

// UnpackGrowthPerBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x378dcda6.
//
// Solidity: function growthPerBlock() view returns(uint256)
func (rebasingToken *RebasingToken) UnpackGrowthPerBlock(data []byte) (*big.Int, error) {
	out, err := rebasingToken.abi.Unpack("growthPerBlock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (rebasingToken *RebasingToken) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := rebasingToken.abi.Pack("mint", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (rebasingToken *RebasingToken) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return rebasingToken.abi.Pack("mint", to, amount)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (rebasingToken *RebasingToken) PackName() []byte {
	enc, err := rebasingToken.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (rebasingToken *RebasingToken) TryPackName() ([]byte, error) {
	return rebasingToken.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (rebasingToken *RebasingToken) UnpackName(data []byte) (string, error) {
	out, err := rebasingToken.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (rebasingToken *RebasingToken) PackSymbol() []byte {
	enc, err := rebasingToken.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (rebasingToken *RebasingToken) TryPackSymbol() ([]byte, error) {
	return rebasingToken.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (rebasingToken *RebasingToken) UnpackSymbol(data []byte) (string, error) {
	out, err := rebasingToken.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (rebasingToken *RebasingToken) PackTotalSupply() []byte {
	enc, err := rebasingToken.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (rebasingToken *RebasingToken) TryPackTotalSupply() ([]byte, error) {
	return rebasingToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (rebasingToken *RebasingToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := rebasingToken.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTouched is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd9835ec.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function touched(address ) view returns(uint256)
func (rebasingToken *RebasingToken) PackTouched(arg0 common.Address) []byte {
	enc, err := rebasingToken.abi.Pack("touched", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTouched is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd9835ec.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function touched(address ) view returns(uint256)
func (rebasingToken *RebasingToken) TryPackTouched(arg0 common.Address) ([]byte, error) {
	return rebasingToken.abi.Pack("touched", arg0)
}

// UnpackTouched is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd9835ec.
//
// Solidity: function touched(address ) view returns(uint256)
func (rebasingToken *RebasingToken) UnpackTouched(data []byte) (*big.Int, error) {
	out, err := rebasingToken.abi.Unpack("touched", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := rebasingToken.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return rebasingToken.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := rebasingToken.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := rebasingToken.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return rebasingToken.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (rebasingToken *RebasingToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := rebasingToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// RebasingTokenApproval represents a Approval event raised by the RebasingToken contract.
type RebasingTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RebasingTokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (RebasingTokenApproval) ContractEventName() string {
	return RebasingTokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (rebasingToken *RebasingToken) UnpackApprovalEvent(log *types.Log) (*RebasingTokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rebasingToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RebasingTokenApproval)
	if len(log.Data) > 0 {
		if err := rebasingToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rebasingToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RebasingTokenTransfer represents a Transfer event raised by the RebasingToken contract.
type RebasingTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const RebasingTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (RebasingTokenTransfer) ContractEventName() string {
	return RebasingTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (rebasingToken *RebasingToken) UnpackTransferEvent(log *types.Log) (*RebasingTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rebasingToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RebasingTokenTransfer)
	if len(log.Data) > 0 {
		if err := rebasingToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rebasingToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (rebasingToken *RebasingToken) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], rebasingToken.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return rebasingToken.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebasingToken.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return rebasingToken.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebasingToken.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return rebasingToken.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebasingToken.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return rebasingToken.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebasingToken.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return rebasingToken.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebasingToken.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return rebasingToken.UnpackERC20InvalidSpenderError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RebasingTokenERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the RebasingToken contract.
type RebasingTokenERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func RebasingTokenERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (rebasingToken *RebasingToken) UnpackERC20InsufficientAllowanceError(raw []byte) (*RebasingTokenERC20InsufficientAllowance, error) {
	out := new(RebasingTokenERC20InsufficientAllowance)
	if err := rebasingToken.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebasingTokenERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the RebasingToken contract.
type RebasingTokenERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func RebasingTokenERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (rebasingToken *RebasingToken) UnpackERC20InsufficientBalanceError(raw []byte) (*RebasingTokenERC20InsufficientBalance, error) {
	out := new(RebasingTokenERC20InsufficientBalance)
	if err := rebasingToken.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebasingTokenERC20InvalidApprover represents a ERC20InvalidApprover error raised by the RebasingToken contract.
type RebasingTokenERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func RebasingTokenERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (rebasingToken *RebasingToken) UnpackERC20InvalidApproverError(raw []byte) (*RebasingTokenERC20InvalidApprover, error) {
	out := new(RebasingTokenERC20InvalidApprover)
	if err := rebasingToken.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebasingTokenERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the RebasingToken contract.
type RebasingTokenERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func RebasingTokenERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (rebasingToken *RebasingToken) UnpackERC20InvalidReceiverError(raw []byte) (*RebasingTokenERC20InvalidReceiver, error) {
	out := new(RebasingTokenERC20InvalidReceiver)
	if err := rebasingToken.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebasingTokenERC20InvalidSender represents a ERC20InvalidSender error raised by the RebasingToken contract.
type RebasingTokenERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func RebasingTokenERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (rebasingToken *RebasingToken) UnpackERC20InvalidSenderError(raw []byte) (*RebasingTokenERC20InvalidSender, error) {
	out := new(RebasingTokenERC20InvalidSender)
	if err := rebasingToken.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebasingTokenERC20InvalidSpender represents a ERC20InvalidSpender error raised by the RebasingToken contract.
type RebasingTokenERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func RebasingTokenERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (rebasingToken *RebasingToken) UnpackERC20InvalidSpenderError(raw []byte) (*RebasingTokenERC20InvalidSpender, error) {
	out := new(RebasingTokenERC20InvalidSpender)
	if err := rebasingToken.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReentrantActorMetaData contains all meta data concerning the ReentrantActor contract.
var ReentrantActorMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"arm\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"exec\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastRevert\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"onTokensReceived\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"operator\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reentryAttempts\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reentryData\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reentrySuccesses\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reentryTarget\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "3c7154ffbada8c7b4b7730f0a6c23c515c",
	Bin: "0x60a08060405234602f57336080526108a09081610034823960805181818160c1015281816102e2015261034b0152f35b5f80fdfe60806040526004361015610011575f80fd5b5f3560e01c80633522bfd0146103355780634e82a39114610311578063570ca735146102cd5780636a540a3e146102285780638f58c0d41461020b578063a8745cd2146101ee578063b36ae5e61461012b578063be6002c2146100a75763eb9d77f91461007c575f80fd5b346100a3575f3660031901126100a3575f546040516001600160a01b039091168152602090f35b5f80fd5b346100a3575f80806100b8366104e2565b9192906100ef337f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316146105ca565b826040519384928337810182815203925af1610109610606565b90156101235761011f90604051918291826105a0565b0390f35b602081519101fd5b346100a3575f3660031901126100a3576040515f60015461014b81610546565b80845290600181169081156101ca575060011461017f575b61011f836101738185038261057e565b604051918291826105a0565b60015f9081525f5160206108745f395f51905f52939250905b8082106101b057509091508101602001610173610163565b919260018160209254838588010152019101909291610198565b60ff191660208086019190915291151560051b840190910191506101739050610163565b346100a3575f3660031901126100a3576020600254604051908152f35b346100a3575f3660031901126100a3576020600354604051908152f35b346100a3575f3660031901126100a3576040515f60045461024881610546565b80845290600181169081156101ca575060011461026f5761011f836101738185038261057e565b60045f9081527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b939250905b8082106102b357509091508101602001610173610163565b91926001816020925483858801015201910190929161029b565b346100a3575f3660031901126100a3576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346100a35760403660031901126100a35761032a6104cc565b50610333610645565b005b346100a357610343366104e2565b9091610379337f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316146105ca565b60018060a01b03166bffffffffffffffffffffffff60a01b5f5416175f5567ffffffffffffffff81116104b8576103b1600154610546565b601f811161045d575b505f601f82116001146103f85781906103e8935f926103ed575b50508160011b915f199060031b1c19161790565b600155005b0135905083806103d4565b601f198216925f5160206108745f395f51905f52915f5b8581106104455750836001951061042c575b505050811b01600155005b01355f19600384901b60f8161c19169055828080610421565b9092602060018192868601358155019401910161040f565b818111156103ba5760015f52601f820160051c5f5160206108745f395f51905f52602084106104b0575b81601f9101920160051c03905f5b8281106104a35750506103ba565b5f82820155600101610495565b5f9150610487565b634e487b7160e01b5f52604160045260245ffd5b600435906001600160a01b03821682036100a357565b60406003198201126100a3576004356001600160a01b03811681036100a3579160243567ffffffffffffffff81116100a357826023820112156100a35780600401359267ffffffffffffffff84116100a357602484830101116100a3576024019190565b90600182811c92168015610574575b602083101461056057565b634e487b7160e01b5f52602260045260245ffd5b91607f1691610555565b90601f8019910116810190811067ffffffffffffffff8211176104b857604052565b602060409281835280519182918282860152018484015e5f828201840152601f01601f1916010190565b156105d157565b60405162461bcd60e51b815260206004820152600d60248201526c6f70657261746f72206f6e6c7960981b6044820152606490fd5b3d15610640573d9067ffffffffffffffff82116104b85760405191610635601f8201601f19166020018461057e565b82523d5f602084013e565b606090565b5f546001600160a01b0316801561087057600254600181018091116106bb576002556040515f60015461067781610546565b906001811690811561085b575060011461081f575b5091815f809493819403925af16106a1610606565b90156106cf5750600354600181018091116106bb57600355565b634e487b7160e01b5f52601160045260245ffd5b90815167ffffffffffffffff81116104b8576106ec600454610546565b601f81116107b1575b50602092601f821160011461073557610725929382915f9261072a5750508160011b915f199060031b1c19161790565b600455565b015190505f806103d4565b601f1982169360045f527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b915f5b8681106107995750836001959610610781575b505050811b01600455565b01515f1960f88460031b161c191690555f8080610776565b91926020600181928685015181550194019201610763565b818111156106f55760045f52601f820160051c7f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b60208410610817575b81601f9101920160051c03905f5b82811061080a5750506106f5565b5f828201556001016107fc565b5f91506107ee565b905060015f525f5160206108745f395f51905f525f905b82821061084757505081018161068c565b600181602092548487015201910190610836565b60ff191684525080151502820190508161068c565b5056feb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf6a164736f6c6343000825000a",
}

// ReentrantActor is an auto generated Go binding around an Ethereum contract.
type ReentrantActor struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ReentrantActor) GetABI() abi.ABI {
	return c.abi
}

// NewReentrantActor creates a new instance of ReentrantActor.
func NewReentrantActor() *ReentrantActor {
	parsed, err := ReentrantActorMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ReentrantActor{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ReentrantActor) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackArm is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3522bfd0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function arm(address target, bytes data) returns()
func (reentrantActor *ReentrantActor) PackArm(target common.Address, data []byte) []byte {
	enc, err := reentrantActor.abi.Pack("arm", target, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackArm is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3522bfd0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function arm(address target, bytes data) returns()
func (reentrantActor *ReentrantActor) TryPackArm(target common.Address, data []byte) ([]byte, error) {
	return reentrantActor.abi.Pack("arm", target, data)
}

// PackExec is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe6002c2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exec(address target, bytes data) returns(bytes)
func (reentrantActor *ReentrantActor) PackExec(target common.Address, data []byte) []byte {
	enc, err := reentrantActor.abi.Pack("exec", target, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExec is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe6002c2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exec(address target, bytes data) returns(bytes)
func (reentrantActor *ReentrantActor) TryPackExec(target common.Address, data []byte) ([]byte, error) {
	return reentrantActor.abi.Pack("exec", target, data)
}

// UnpackExec is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbe6002c2.
//
// Solidity: function exec(address target, bytes data) returns(bytes)
func (reentrantActor *ReentrantActor) UnpackExec(data []byte) ([]byte, error) {
	out, err := reentrantActor.abi.Unpack("exec", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackLastRevert is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a540a3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastRevert() view returns(bytes)
func (reentrantActor *ReentrantActor) PackLastRevert() []byte {
	enc, err := reentrantActor.abi.Pack("lastRevert")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastRevert is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a540a3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastRevert() view returns(bytes)
func (reentrantActor *ReentrantActor) TryPackLastRevert() ([]byte, error) {
	return reentrantActor.abi.Pack("lastRevert")
}

// UnpackLastRevert is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6a540a3e.
//
// Solidity: function lastRevert() view returns(bytes)
func (reentrantActor *ReentrantActor) UnpackLastRevert(data []byte) ([]byte, error) {
	out, err := reentrantActor.abi.Unpack("lastRevert", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackOnTokensReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e82a391.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onTokensReceived(address , uint256 ) returns()
func (reentrantActor *ReentrantActor) PackOnTokensReceived(arg0 common.Address, arg1 *big.Int) []byte {
	enc, err := reentrantActor.abi.Pack("onTokensReceived", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnTokensReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e82a391.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onTokensReceived(address , uint256 ) returns()
func (reentrantActor *ReentrantActor) TryPackOnTokensReceived(arg0 common.Address, arg1 *big.Int) ([]byte, error) {
	return reentrantActor.abi.Pack("onTokensReceived", arg0, arg1)
}

// PackOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x570ca735.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function operator() view returns(address)
func (reentrantActor *ReentrantActor) PackOperator() []byte {
	enc, err := reentrantActor.abi.Pack("operator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOperator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x570ca735.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function operator() view returns(address)
func (reentrantActor *ReentrantActor) TryPackOperator() ([]byte, error) {
	return reentrantActor.abi.Pack("operator")
}

// UnpackOperator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x570ca735.
//
// Solidity: function operator() view returns(address)
func (reentrantActor *ReentrantActor) UnpackOperator(data []byte) (common.Address, error) {
	out, err := reentrantActor.abi.Unpack("operator", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackReentryAttempts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8745cd2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reentryAttempts() view returns(uint256)
func (reentrantActor *ReentrantActor) PackReentryAttempts() []byte {
	enc, err := reentrantActor.abi.Pack("reentryAttempts")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReentryAttempts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8745cd2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reentryAttempts() view returns(uint256)
func (reentrantActor *ReentrantActor) TryPackReentryAttempts() ([]byte, error) {
	return reentrantActor.abi.Pack("reentryAttempts")
}

// UnpackReentryAttempts is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa8745cd2.
//
// Solidity: function reentryAttempts() view returns(uint256)
func (reentrantActor *ReentrantActor) UnpackReentryAttempts(data []byte) (*big.Int, error) {
	out, err := reentrantActor.abi.Unpack("reentryAttempts", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReentryData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb36ae5e6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reentryData() view returns(bytes)
func (reentrantActor *ReentrantActor) PackReentryData() []byte {
	enc, err := reentrantActor.abi.Pack("reentryData")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReentryData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb36ae5e6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reentryData() view returns(bytes)
func (reentrantActor *ReentrantActor) TryPackReentryData() ([]byte, error) {
	return reentrantActor.abi.Pack("reentryData")
}

// UnpackReentryData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb36ae5e6.
//
// Solidity: function reentryData() view returns(bytes)
func (reentrantActor *ReentrantActor) UnpackReentryData(data []byte) ([]byte, error) {
	out, err := reentrantActor.abi.Unpack("reentryData", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackReentrySuccesses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f58c0d4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reentrySuccesses() view returns(uint256)
func (reentrantActor *ReentrantActor) PackReentrySuccesses() []byte {
	enc, err := reentrantActor.abi.Pack("reentrySuccesses")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReentrySuccesses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f58c0d4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reentrySuccesses() view returns(uint256)
func (reentrantActor *ReentrantActor) TryPackReentrySuccesses() ([]byte, error) {
	return reentrantActor.abi.Pack("reentrySuccesses")
}

// UnpackReentrySuccesses is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f58c0d4.
//
// Solidity: function reentrySuccesses() view returns(uint256)
func (reentrantActor *ReentrantActor) UnpackReentrySuccesses(data []byte) (*big.Int, error) {
	out, err := reentrantActor.abi.Unpack("reentrySuccesses", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackReentryTarget is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb9d77f9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reentryTarget() view returns(address)
func (reentrantActor *ReentrantActor) PackReentryTarget() []byte {
	enc, err := reentrantActor.abi.Pack("reentryTarget")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReentryTarget is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb9d77f9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reentryTarget() view returns(address)
func (reentrantActor *ReentrantActor) TryPackReentryTarget() ([]byte, error) {
	return reentrantActor.abi.Pack("reentryTarget")
}

// UnpackReentryTarget is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb9d77f9.
//
// Solidity: function reentryTarget() view returns(address)
func (reentrantActor *ReentrantActor) UnpackReentryTarget(data []byte) (common.Address, error) {
	out, err := reentrantActor.abi.Unpack("reentryTarget", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// TokenProbeMetaData contains all meta data concerning the TokenProbe contract.
var TokenProbeMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"BadAmount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"asked\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"received\",\"type\":\"uint256\"}],\"name\":\"TransferMismatch\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"held\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"heldSince\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"received\",\"type\":\"uint256\"}],\"name\":\"Returned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"}],\"name\":\"Taken\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"giveBack\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"received\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"held\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"heldSince\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"take\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "0d1a368075ded411e7759645f1deae3730",
	Bin: "0x60c0346100a657601f61082838819003918201601f19168301916001600160401b038311848410176100aa5780849260409485528339810103126100a6578051906001600160a01b03821682036100a65760200151906001600160a01b03821682036100a65760805260a05260405161076990816100bf823960805181818160730152818161018c01526104c5015260a05181818160f40152818161013901526104820152f35b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6080806040526004361015610012575f80fd5b5f3560e01c9081630de96dff14610470575080634fd9efc4146101235780638da5cb5b146100df578063a285aed7146100c3578063d7a47a16146100a65763fc0c546a1461005e575f80fd5b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b5f80fd5b346100a2575f3660031901126100a2576020600154604051908152f35b346100a2575f3660031901126100a25760205f54604051908152f35b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346100a25760203660031901126100a2576004357f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03163381900361045d5781158015610453575b610440576040516370a0823160e01b8152600481018290527f0000000000000000000000000000000000000000000000000000000000000000906001600160a01b038216602082602481845afa918215610366575f9261040c575b506040516370a0823160e01b815230600482015293602085602481855afa948515610366575f956103d8575b50604051936323b872dd60e01b5f5281600452306024528660445260205f60648180855af19060015f51148216156103b9575b50846040525f606052156103a6576370a0823160e01b84526004840152602083602481845afa928315610366575f93610371575b50916020602493604051948580926370a0823160e01b82523060048301525afa928315610366575f93610332575b5080821115610329576102a09161073b565b915b80821115610320576102b39161073b565b905b828114801590610316575b6102fd577fc802f2dd471e234efc794a43c063c472bfe362f5119a3861752d259ee0f4cf65604084805f55436001558151908152436020820152a1005b82630214c5d360e11b5f5260045260245260445260645ffd5b50828214156102c0565b50505f906102b5565b50505f916102a2565b9092506020813d60201161035e575b8161034e60209383610705565b810103126100a25751918561028e565b3d9150610341565b6040513d5f823e3d90fd5b92506020833d60201161039e575b8161038c60209383610705565b810103126100a2579151916020610260565b3d915061037f565b50635274afe760e01b5f5260045260245ffd5b60018215166103cf573b15153d1516168761022c565b853d5f823e3d90fd5b9094506020813d602011610404575b816103f460209383610705565b810103126100a2575193866101f9565b3d91506103e7565b9091506020813d602011610438575b8161042860209383610705565b810103126100a2575190856101cd565b3d915061041b565b506359cdf26960e11b5f5260045260245ffd5b505f541515610172565b63245aecd360e01b5f523360045260245ffd5b346100a2575f3660031901126100a2577f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316903382900361045d576370a0823160e01b81523060048201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0381169290602083602481875afa928315610366575f936106d1575b505f54915f8055604051916370a0823160e01b8352816004840152602083602481895afa928315610366575f9361069d575b508461062d575b506020906024604051809781936370a0823160e01b835260048301525afa908115610366575f916105f8575b60409450808211156105cc576105a56080917fedea64ca5a374853da0b8fc95a03edfbf671e5ec92d91ac06a5a9f0bc58b3c009361073b565b925b600154865191825260208201528486820152836060820152a182519182526020820152f35b50507fedea64ca5a374853da0b8fc95a03edfbf671e5ec92d91ac06a5a9f0bc58b3c0060805f926105a7565b90506020843d602011610625575b8161061360209383610705565b810103126100a257604093519061056c565b3d9150610606565b6040519063a9059cbb60e01b5f52826004528560245260205f60448180855af19060015f511482161561067e575b50906040521561066b5785610540565b84635274afe760e01b5f5260045260245ffd5b6001821516610694573b15153d1516168761065b565b823d5f823e3d90fd5b9092506020813d6020116106c9575b816106b960209383610705565b810103126100a257519186610539565b3d91506106ac565b9092506020813d6020116106fd575b816106ed60209383610705565b810103126100a257519184610507565b3d91506106e0565b90601f8019910116810190811067ffffffffffffffff82111761072757604052565b634e487b7160e01b5f52604160045260245ffd5b9190820391821161074857565b634e487b7160e01b5f52601160045260245ffdfea164736f6c6343000825000a",
}

// TokenProbe is an auto generated Go binding around an Ethereum contract.
type TokenProbe struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *TokenProbe) GetABI() abi.ABI {
	return c.abi
}

// NewTokenProbe creates a new instance of TokenProbe.
func NewTokenProbe() *TokenProbe {
	parsed, err := TokenProbeMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &TokenProbe{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *TokenProbe) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address owner_) returns()
func (tokenProbe *TokenProbe) PackConstructor(token_ common.Address, owner_ common.Address) []byte {
	enc, err := tokenProbe.abi.Pack("", token_, owner_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackGiveBack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0de96dff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function giveBack() returns(uint256 balance, uint256 received)
func (tokenProbe *TokenProbe) PackGiveBack() []byte {
	enc, err := tokenProbe.abi.Pack("giveBack")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGiveBack is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0de96dff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function giveBack() returns(uint256 balance, uint256 received)
func (tokenProbe *TokenProbe) TryPackGiveBack() ([]byte, error) {
	return tokenProbe.abi.Pack("giveBack")
}

// GiveBackOutput serves as a container for the return parameters of contract
// method GiveBack.
type GiveBackOutput struct {
	Balance  *big.Int
	Received *big.Int
}

// UnpackGiveBack is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0de96dff.
//
// Solidity: function giveBack() returns(uint256 balance, uint256 received)
func (tokenProbe *TokenProbe) UnpackGiveBack(data []byte) (GiveBackOutput, error) {
	out, err := tokenProbe.abi.Unpack("giveBack", data)
	outstruct := new(GiveBackOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Balance = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Received = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackHeld is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa285aed7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function held() view returns(uint256)
func (tokenProbe *TokenProbe) PackHeld() []byte {
	enc, err := tokenProbe.abi.Pack("held")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHeld is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa285aed7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function held() view returns(uint256)
func (tokenProbe *TokenProbe) TryPackHeld() ([]byte, error) {
	return tokenProbe.abi.Pack("held")
}

// UnpackHeld is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa285aed7.
//
// Solidity: function held() view returns(uint256)
func (tokenProbe *TokenProbe) UnpackHeld(data []byte) (*big.Int, error) {
	out, err := tokenProbe.abi.Unpack("held", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackHeldSince is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd7a47a16.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function heldSince() view returns(uint256)
func (tokenProbe *TokenProbe) PackHeldSince() []byte {
	enc, err := tokenProbe.abi.Pack("heldSince")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHeldSince is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd7a47a16.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function heldSince() view returns(uint256)
func (tokenProbe *TokenProbe) TryPackHeldSince() ([]byte, error) {
	return tokenProbe.abi.Pack("heldSince")
}

// UnpackHeldSince is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd7a47a16.
//
// Solidity: function heldSince() view returns(uint256)
func (tokenProbe *TokenProbe) UnpackHeldSince(data []byte) (*big.Int, error) {
	out, err := tokenProbe.abi.Unpack("heldSince", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (tokenProbe *TokenProbe) PackOwner() []byte {
	enc, err := tokenProbe.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (tokenProbe *TokenProbe) TryPackOwner() ([]byte, error) {
	return tokenProbe.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (tokenProbe *TokenProbe) UnpackOwner(data []byte) (common.Address, error) {
	out, err := tokenProbe.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fd9efc4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function take(uint256 amount) returns()
func (tokenProbe *TokenProbe) PackTake(amount *big.Int) []byte {
	enc, err := tokenProbe.abi.Pack("take", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fd9efc4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function take(uint256 amount) returns()
func (tokenProbe *TokenProbe) TryPackTake(amount *big.Int) ([]byte, error) {
	return tokenProbe.abi.Pack("take", amount)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (tokenProbe *TokenProbe) PackToken() []byte {
	enc, err := tokenProbe.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (tokenProbe *TokenProbe) TryPackToken() ([]byte, error) {
	return tokenProbe.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (tokenProbe *TokenProbe) UnpackToken(data []byte) (common.Address, error) {
	out, err := tokenProbe.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// TokenProbeReturned represents a Returned event raised by the TokenProbe contract.
type TokenProbeReturned struct {
	Held      *big.Int
	HeldSince *big.Int
	Balance   *big.Int
	Received  *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const TokenProbeReturnedEventName = "Returned"

// ContractEventName returns the user-defined event name.
func (TokenProbeReturned) ContractEventName() string {
	return TokenProbeReturnedEventName
}

// UnpackReturnedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Returned(uint256 held, uint256 heldSince, uint256 balance, uint256 received)
func (tokenProbe *TokenProbe) UnpackReturnedEvent(log *types.Log) (*TokenProbeReturned, error) {
	event := "Returned"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != tokenProbe.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TokenProbeReturned)
	if len(log.Data) > 0 {
		if err := tokenProbe.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range tokenProbe.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// TokenProbeTaken represents a Taken event raised by the TokenProbe contract.
type TokenProbeTaken struct {
	Amount      *big.Int
	BlockNumber *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const TokenProbeTakenEventName = "Taken"

// ContractEventName returns the user-defined event name.
func (TokenProbeTaken) ContractEventName() string {
	return TokenProbeTakenEventName
}

// UnpackTakenEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Taken(uint256 amount, uint256 blockNumber)
func (tokenProbe *TokenProbe) UnpackTakenEvent(log *types.Log) (*TokenProbeTaken, error) {
	event := "Taken"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != tokenProbe.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TokenProbeTaken)
	if len(log.Data) > 0 {
		if err := tokenProbe.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range tokenProbe.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (tokenProbe *TokenProbe) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], tokenProbe.abi.Errors["BadAmount"].ID.Bytes()[:4]) {
		return tokenProbe.UnpackBadAmountError(raw[4:])
	}
	if bytes.Equal(raw[:4], tokenProbe.abi.Errors["NotOwner"].ID.Bytes()[:4]) {
		return tokenProbe.UnpackNotOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], tokenProbe.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return tokenProbe.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], tokenProbe.abi.Errors["TransferMismatch"].ID.Bytes()[:4]) {
		return tokenProbe.UnpackTransferMismatchError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// TokenProbeBadAmount represents a BadAmount error raised by the TokenProbe contract.
type TokenProbeBadAmount struct {
	Amount *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadAmount(uint256 amount)
func TokenProbeBadAmountErrorID() common.Hash {
	return common.HexToHash("0xb39be4d21b9beede5f322fec8bfffe756e47e7733fec5f40573598ea2c475ddc")
}

// UnpackBadAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadAmount(uint256 amount)
func (tokenProbe *TokenProbe) UnpackBadAmountError(raw []byte) (*TokenProbeBadAmount, error) {
	out := new(TokenProbeBadAmount)
	if err := tokenProbe.abi.UnpackIntoInterface(out, "BadAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenProbeNotOwner represents a NotOwner error raised by the TokenProbe contract.
type TokenProbeNotOwner struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotOwner(address caller)
func TokenProbeNotOwnerErrorID() common.Hash {
	return common.HexToHash("0x245aecd3fabbd17d6c3c92dc7f0ab916ea8cbf6fc1862c8b56893090ac3fff4c")
}

// UnpackNotOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotOwner(address caller)
func (tokenProbe *TokenProbe) UnpackNotOwnerError(raw []byte) (*TokenProbeNotOwner, error) {
	out := new(TokenProbeNotOwner)
	if err := tokenProbe.abi.UnpackIntoInterface(out, "NotOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenProbeSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the TokenProbe contract.
type TokenProbeSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func TokenProbeSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (tokenProbe *TokenProbe) UnpackSafeERC20FailedOperationError(raw []byte) (*TokenProbeSafeERC20FailedOperation, error) {
	out := new(TokenProbeSafeERC20FailedOperation)
	if err := tokenProbe.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenProbeTransferMismatch represents a TransferMismatch error raised by the TokenProbe contract.
type TokenProbeTransferMismatch struct {
	Asked    *big.Int
	Sent     *big.Int
	Received *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferMismatch(uint256 asked, uint256 sent, uint256 received)
func TokenProbeTransferMismatchErrorID() common.Hash {
	return common.HexToHash("0x04298ba623261cfd0f0da75613af74dd7f7e6955dfc2e93e07651694bd8b47dc")
}

// UnpackTransferMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferMismatch(uint256 asked, uint256 sent, uint256 received)
func (tokenProbe *TokenProbe) UnpackTransferMismatchError(raw []byte) (*TokenProbeTransferMismatch, error) {
	out := new(TokenProbeTransferMismatch)
	if err := tokenProbe.abi.UnpackIntoInterface(out, "TransferMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsMetaData contains all meta data concerning the UptimeRewards contract.
var UptimeRewardsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"genesis_\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"epochLength_\",\"type\":\"uint64\"},{\"internalType\":\"uint96\",\"name\":\"rewardPerProvider_\",\"type\":\"uint96\"},{\"internalType\":\"uint64\",\"name\":\"claimEpochs_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"AlreadyReporter\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadReward\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"ClaimWindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"closesAfterEpoch\",\"type\":\"uint256\"}],\"name\":\"ClaimWindowOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"endsAt\",\"type\":\"uint256\"}],\"name\":\"EpochNotEnded\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"LeafOverCap\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"NoRoot\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotReporter\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"RootAlreadyPosted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"wouldPay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"share\",\"type\":\"uint256\"}],\"name\":\"ShareExceeded\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TooMany\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"funder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"budget\",\"type\":\"uint256\"}],\"name\":\"Funded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"ReporterAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"ReporterRemoved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RewardClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint96\",\"name\":\"rewardPerProvider\",\"type\":\"uint96\"}],\"name\":\"RewardPerProviderSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"toEpoch\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"RolledOver\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"reporters\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint96\",\"name\":\"perProviderCap\",\"type\":\"uint96\"}],\"name\":\"RootPosted\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_CLAIMS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_REPORTERS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"addReporter\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"internalType\":\"structUptimeRewards.Claim[]\",\"name\":\"claims\",\"type\":\"tuple[]\"}],\"name\":\"claim\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimEpochs\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentEpoch\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"epochEnd\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"endsAt\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"epochInfo\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"budget\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"paid\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"reporters\",\"type\":\"uint8\"},{\"internalType\":\"uint96\",\"name\":\"perProviderCap\",\"type\":\"uint96\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"epochLength\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"fromEpoch\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"count\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"fund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"genesis\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"isClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"provider\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"leafHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"postRoot\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"removeReporter\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reporterCount\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"reporterSince\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardPerProvider\",\"outputs\":[{\"internalType\":\"uint96\",\"name\":\"\",\"type\":\"uint96\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"}],\"name\":\"rollOver\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"epoch\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"reporter\",\"type\":\"address\"}],\"name\":\"rootOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"paid\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint96\",\"name\":\"rewardPerProvider_\",\"type\":\"uint96\"}],\"name\":\"setRewardPerProvider\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "19ced82892411e76af056ad27a98f3a744",
	Bin: "0x6101003461022057601f6118a038819003918201601f19168301916001600160401b038311848410176102245780849260c0946040528339810103126102205780516001600160a01b038116918282036102205760208101516001600160a01b03811691908290036102205761007760408201610238565b9361008460608301610238565b60808301516001600160601b038116939092908484036102205760a06100aa9101610238565b90851561020d575f80546001600160a01b031981168817825560405197916001600160a01b03909116907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3156101fe576001600160401b0382161580156101ed575b6101de5760e05282156101cf577f20d175709321cb45e4e769963ec26546947be159e9539216ea52c9f7e2270a8c9560209560805260a05260c05260018060a01b03199060a01b166001558152a1604051611653908161024d823960805181818161015701528181610a830152610ca3015260a0518181816105c20152818161142d01528181611510015261158a015260c05181818161101b0152818161146c01526114e0015260e0518181816103dd0152818161121101526115d10152f35b630e4567b160e31b5f5260045ffd5b631f2a200560e01b5f5260045ffd5b506001600160401b0381161561010f565b63d92e233d60e01b5f5260045ffd5b631e4fbdf760e01b5f525f60045260245ffd5b5f80fd5b634e487b7160e01b5f52604160045260245ffd5b51906001600160401b03821682036102205756fe60806040526004361015610011575f80fd5b5f3560e01c806305ad05a7146112b75780631325d6eb146112355780632aec6d61146111f25780634882d0c81461105f5780634e2e55b61461103f57806357d775f814610ffc5780635de5c21214610f4657806361b4f80914610ee15780636fd3671414610e70578063715018a614610e0d5780637667180814610de257806379ba509714610d5d5780637f3cbb7b14610b4e578063850e3c4814610b2e5780638d381d9e1461060d5780638da5cb5b146105e65780638f75da1c14610573578063a7f0b3de146105a3578063b4683db214610578578063cf62ba9214610573578063d6159f3114610532578063dd8755f214610441578063e30c397814610419578063e627a6af14610260578063f2fde38b146101f3578063f9f3de7e1461018a5763fc0c546a14610142575f80fd5b34610186575f366003190112610186576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b5f80fd5b34610186576020366003190112610186576001600160401b036101ab611377565b165f526004602052608060405f206001600160601b0360018254920154604051926001600160801b0381168452841c602084015260ff8160601c166040840152166060820152f35b346101865760203660031901126101865761020c61134b565b610214611538565b60018060a01b0316806001600160601b0360a01b600154161760015560018060a01b035f54167f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227005f80a3005b34610186576020366003190112610186576001600160401b03610281611377565b61028a81611580565b156103cf5716805f5260046020526001600160801b0360405f206102b681548060801c938491166113f8565b9182156103c0576001600160801b03166001600160801b031982541617905560016001600160401b036102e7611423565b1601916001600160401b0383116103ac576001600160401b0360209316805f52600484528060405f2092610325856001600160801b0386541661149b565b84546fffffffffffffffffffffffffffffffff19166001600160801b038216179094556040518581527f6c471aabdf55d967328390ef9335ca9d37cd75ed43c7b04f857a25cdf98c1369908790a360405191838352848301527f1c02ae3b61244a3a2bd88635fcd53177666ef20623675210d2009fe8b145dd0f60403093a3604051908152f35b634e487b7160e01b5f52601160045260245ffd5b631f2a200560e01b5f5260045ffd5b166104036001600160401b037f0000000000000000000000000000000000000000000000000000000000000000168261149b565b90633a7f30ef60e21b5f5260045260245260445ffd5b34610186575f366003190112610186576001546040516001600160a01b039091168152602090f35b346101865760203660031901126101865761045a61134b565b610462611538565b6001600160a01b0316801561052357805f5260036020526001600160401b0360405f20541661051157604060ff60025416101561050257805f52600360205260405f206001600160401b0342166001600160401b0319825416179055600254600160ff82160160ff81116103ac5760ff169060ff1916176002557f52824c4a4d431c73d6d24a91f775d722860111c6d30da30b0b21e062fb4c73655f80a2005b636b2d630f60e11b5f5260045ffd5b6332aeb9f360e11b5f5260045260245ffd5b63d92e233d60e01b5f5260045ffd5b34610186576020366003190112610186576001600160a01b0361055361134b565b165f52600360205260206001600160401b0360405f205416604051908152f35b61138d565b3461018657602036600319011261018657602061059b610596611377565b6114bb565b604051908152f35b34610186575f3660031901126101865760206040516001600160401b037f0000000000000000000000000000000000000000000000000000000000000000168152f35b34610186575f366003190112610186575f546040516001600160a01b039091168152602090f35b34610186576020366003190112610186576004356001600160401b03811161018657366023820112156101865780600401356001600160401b038111610186573660248260051b840101116101865761066461154b565b5f9080156103c0576040811161050257913681900360a219015f5b84811015610a805760248160051b84010135828112156101865783019360248501926106b26106ad856115fe565b611580565b610a5c576001600160401b036106c7856115fe565b165f52600560205260405f209160448701926106e284611612565b60018060a01b03165f5260205260405f209283548015610a285760648901359384156103c057610759610714896115fe565b604080516001600160401b03909216602083019081523391830191909152606082018890529061075181608081015b03601f1981018352826113a8565b5190206113dd565b8051602090910120996084810135368290036042190181121561018657016024019a8b359a6001600160401b038c11610186578c60208d60051b360391011361018657915f925b8c8410156107e15760208e8560051b010135908181105f146107d0575f52602052600160405f205b9301926107a0565b905f52602052600160405f206107c8565b92509998979a509a50036109f557335f52600660205260405f2061080482611612565b60018060a01b03165f5260205260405f2066ffffffffffffff610826876115fe565b60081c1690600160ff610838896115fe565b161b91805f52816020528260405f2054166109bb575f5260205260405f209081541790556001600160401b0361086d866115fe565b165f52600460205260405f20936001600160601b0361089a600187015460ff8160601c1692839116611405565b8086116109a557506108b86001916001600160801b03885416611405565b9101906108cf856001600160801b0384541661149b565b9080821161098f57506001600160801b03809116166001600160801b031982541617905583546001600160801b0384168160801c016001600160801b0381116103ac5760019661098596610940936001600160801b0361093a9481199060801b1691161790556115fe565b91611612565b9060405191848352868060a01b0316917f9468df9f11707360fb67b8cafc78d857685f7880d0c9b65429ef10e217420f5460206001600160401b0333941692a461149b565b930191909161067f565b9063c7d9743560e01b5f5260045260245260445ffd5b85635a7883e360e11b5f5260045260245260445ffd5b836001600160401b036109d66109d08b6115fe565b92611612565b9163b5ffb3b560e01b5f521660045260018060a01b031660245260445ffd5b6001600160401b03610a096109d0876115fe565b9163156ace0760e01b5f521660045260018060a01b031660245260445ffd5b506001600160401b03610a3d6109d0886115fe565b9163ac6f1d5360e01b5f521660045260018060a01b031660245260445ffd5b6001600160401b03610a6d856115fe565b637a0191bb60e01b5f521660045260245ffd5b837f0000000000000000000000000000000000000000000000000000000000000000906040519063a9059cbb60e01b5f52336004528060245260205f60448180875af160015f5114811615610b0f575b8260405215610af157602092505f5f5160206116275f395f51905f525d8152f35b635274afe760e01b5f9081526001600160a01b038416600452602490fd5b6001811516610b2557833b15153d151616610ad0565b823d5f823e3d90fd5b34610186575f36600319011261018657602060ff60025416604051908152f35b3461018657606036600319011261018657610b67611377565b602435906001600160401b0382168092036101865760443590610b8861154b565b81158015610d55575b6103c05760408311610502576001600160401b038116906001600160401b03610bba858461149b565b116105025792809101906001600160401b0382116001600160401b038316945b816103ac576001600160401b0381169086821015610ca157610bfb81611580565b610c8e57815f52600460205260405f2090610c20876001600160801b0384541661149b565b6001600160801b038111610502576001600160401b03936001936001600160801b03808416166001600160801b03198254161790556040519189835260208301527f1c02ae3b61244a3a2bd88635fcd53177666ef20623675210d2009fe8b145dd0f60403393a30116610bda565b50637a0191bb60e01b5f5260045260245ffd5b7f0000000000000000000000000000000000000000000000000000000000000000610ccc85886114a8565b604051906323b872dd60e01b5f52336004523060245260445260205f60648180865af19060015f5114821615610d35575b5015610d15575f5f5160206116275f395f51905f525d005b635274afe760e01b5f9081526001600160a01b0391909116600452602490fd5b6001821516610d4d5750813b15153d15161682610cfd565b3d5f823e3d90fd5b508215610b91565b34610186575f36600319011261018657600154336001600160a01b0390911603610dcf57600180546001600160a01b03199081169091555f805433928116831782556001600160a01b0316907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09080a3005b63118cdaa760e01b5f523360045260245ffd5b34610186575f366003190112610186576020610dfc611423565b6001600160401b0360405191168152f35b34610186575f36600319011261018657610e25611538565b600180546001600160a01b03199081169091555f80549182168155906001600160a01b03167f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e08280a3005b34610186576060366003190112610186576020610ed3610e8e611377565b610743610751610e9c611361565b604080516001600160401b039095168786019081526001600160a01b03909216602083015260443590820152929182906060850190565b818151910120604051908152f35b3461018657604036600319011261018657610efa611377565b6001600160401b03610f0a611361565b91165f52600560205260405f209060018060a01b03165f526020526040805f206001600160801b03600182549201541682519182526020820152f35b3461018657602036600319011261018657610f5f61134b565b610f67611538565b6001600160a01b03165f818152600360205260409020546001600160401b031615610fea57805f52600360205260405f206001600160401b031981541690556002545f1960ff82160160ff81116103ac5760ff169060ff1916176002557ff125aa5e6cb22c17ea0de4e1f86d2ff289ddd6a37e791b9ad29d0091cba06ac85f80a2005b633fca655760e01b5f5260045260245ffd5b34610186575f3660031901126101865760206040516001600160401b037f0000000000000000000000000000000000000000000000000000000000000000168152f35b34610186575f36600319011261018657602060015460a01c604051908152f35b3461018657604036600319011261018657611078611377565b60243590335f5260036020526001600160401b0360405f20541661109b826114bb565b908181159182156111e7575b50506111d4578042106111b557506001600160401b03165f8181526005602090815260408083203384529091529020805461119e578215611187576001600160601b0390825f52600460205283600160405f200191825460ff8160601c161561114e575b50555460405193845260ff8160601c1660208501521660408301527fd3ab3021efede198b2ae8679485036554922154134f3ab944d3bf20cdbef6a6f60603393a3005b60ff60601b60025460601b168060ff60601b19831617855560015460a01c916cffffffffffffffffffffffffff1916171783558661110b565b5063156ace0760e01b5f526004523360245260445ffd5b50632bee466560e11b5f526004523360245260445ffd5b6001600160401b0382631131cf2b60e11b5f521660045260245260445ffd5b633fca655760e01b5f523360045260245ffd5b1015905081856110a7565b34610186575f3660031901126101865760206040516001600160401b037f0000000000000000000000000000000000000000000000000000000000000000168152f35b346101865760603660031901126101865761124e61134b565b611256611361565b604435906001600160401b03821682036101865760209260018060a01b03165f526006835260405f209060018060a01b03165f52825260405f2066ffffffffffffff8260081c165f52825260405f2054600160ff60405193161b1615158152f35b34610186576020366003190112610186576004356001600160601b03811690818103610186576112e5611538565b811561133c57600180546001600160a01b031660a09290921b6001600160a01b0319169190911790556040519081527f20d175709321cb45e4e769963ec26546947be159e9539216ea52c9f7e2270a8c90602090a1005b630e4567b160e31b5f5260045ffd5b600435906001600160a01b038216820361018657565b602435906001600160a01b038216820361018657565b600435906001600160401b038216820361018657565b34610186575f36600319011261018657602060405160408152f35b90601f801991011681019081106001600160401b038211176113c957604052565b634e487b7160e01b5f52604160045260245ffd5b90604051916020830152602082526113f66040836113a8565b565b919082039182116103ac57565b811561140f570490565b634e487b7160e01b5f52601260045260245ffd5b6001600160401b037f000000000000000000000000000000000000000000000000000000000000000016804210611496576114926114696001600160401b0392426113f8565b827f00000000000000000000000000000000000000000000000000000000000000001690611405565b1690565b505f90565b919082018092116103ac57565b818102929181159184041417156103ac57565b6001600160401b0316600181018091116103ac57611506611535916001600160401b037f000000000000000000000000000000000000000000000000000000000000000016906114a8565b6001600160401b037f00000000000000000000000000000000000000000000000000000000000000001661149b565b90565b5f546001600160a01b03163303610dcf57565b5f5160206116275f395f51905f525c6115715760015f5160206116275f395f51905f525d565b633ee5aeb560e01b5f5260045ffd5b6001600160401b037f00000000000000000000000000000000000000000000000000000000000000001642101590816115b7575090565b90506001600160401b036115f86115cc611423565b9282807f000000000000000000000000000000000000000000000000000000000000000016911661149b565b91161190565b356001600160401b03811681036101865790565b356001600160a01b0381168103610186579056fe9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00a164736f6c6343000825000a",
}

// UptimeRewards is an auto generated Go binding around an Ethereum contract.
type UptimeRewards struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *UptimeRewards) GetABI() abi.ABI {
	return c.abi
}

// NewUptimeRewards creates a new instance of UptimeRewards.
func NewUptimeRewards() *UptimeRewards {
	parsed, err := UptimeRewardsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &UptimeRewards{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *UptimeRewards) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address owner_, uint64 genesis_, uint64 epochLength_, uint96 rewardPerProvider_, uint64 claimEpochs_) returns()
func (uptimeRewards *UptimeRewards) PackConstructor(token_ common.Address, owner_ common.Address, genesis_ uint64, epochLength_ uint64, rewardPerProvider_ *big.Int, claimEpochs_ uint64) []byte {
	enc, err := uptimeRewards.abi.Pack("", token_, owner_, genesis_, epochLength_, rewardPerProvider_, claimEpochs_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXCLAIMS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf62ba92.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_CLAIMS() view returns(uint256)
func (uptimeRewards *UptimeRewards) PackMAXCLAIMS() []byte {
	enc, err := uptimeRewards.abi.Pack("MAX_CLAIMS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXCLAIMS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf62ba92.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_CLAIMS() view returns(uint256)
func (uptimeRewards *UptimeRewards) TryPackMAXCLAIMS() ([]byte, error) {
	return uptimeRewards.abi.Pack("MAX_CLAIMS")
}

// UnpackMAXCLAIMS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcf62ba92.
//
// Solidity: function MAX_CLAIMS() view returns(uint256)
func (uptimeRewards *UptimeRewards) UnpackMAXCLAIMS(data []byte) (*big.Int, error) {
	out, err := uptimeRewards.abi.Unpack("MAX_CLAIMS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXREPORTERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f75da1c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_REPORTERS() view returns(uint256)
func (uptimeRewards *UptimeRewards) PackMAXREPORTERS() []byte {
	enc, err := uptimeRewards.abi.Pack("MAX_REPORTERS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXREPORTERS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f75da1c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_REPORTERS() view returns(uint256)
func (uptimeRewards *UptimeRewards) TryPackMAXREPORTERS() ([]byte, error) {
	return uptimeRewards.abi.Pack("MAX_REPORTERS")
}

// UnpackMAXREPORTERS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8f75da1c.
//
// Solidity: function MAX_REPORTERS() view returns(uint256)
func (uptimeRewards *UptimeRewards) UnpackMAXREPORTERS(data []byte) (*big.Int, error) {
	out, err := uptimeRewards.abi.Unpack("MAX_REPORTERS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (uptimeRewards *UptimeRewards) PackAcceptOwnership() []byte {
	enc, err := uptimeRewards.abi.Pack("acceptOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptOwnership() returns()
func (uptimeRewards *UptimeRewards) TryPackAcceptOwnership() ([]byte, error) {
	return uptimeRewards.abi.Pack("acceptOwnership")
}

// PackAddReporter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd8755f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addReporter(address reporter) returns()
func (uptimeRewards *UptimeRewards) PackAddReporter(reporter common.Address) []byte {
	enc, err := uptimeRewards.abi.Pack("addReporter", reporter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddReporter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd8755f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addReporter(address reporter) returns()
func (uptimeRewards *UptimeRewards) TryPackAddReporter(reporter common.Address) ([]byte, error) {
	return uptimeRewards.abi.Pack("addReporter", reporter)
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d381d9e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim((uint64,address,uint256,bytes32[])[] claims) returns(uint256 total)
func (uptimeRewards *UptimeRewards) PackClaim(claims []UptimeRewardsClaim) []byte {
	enc, err := uptimeRewards.abi.Pack("claim", claims)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d381d9e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim((uint64,address,uint256,bytes32[])[] claims) returns(uint256 total)
func (uptimeRewards *UptimeRewards) TryPackClaim(claims []UptimeRewardsClaim) ([]byte, error) {
	return uptimeRewards.abi.Pack("claim", claims)
}

// UnpackClaim is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8d381d9e.
//
// Solidity: function claim((uint64,address,uint256,bytes32[])[] claims) returns(uint256 total)
func (uptimeRewards *UptimeRewards) UnpackClaim(data []byte) (*big.Int, error) {
	out, err := uptimeRewards.abi.Unpack("claim", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaimEpochs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2aec6d61.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimEpochs() view returns(uint64)
func (uptimeRewards *UptimeRewards) PackClaimEpochs() []byte {
	enc, err := uptimeRewards.abi.Pack("claimEpochs")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimEpochs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2aec6d61.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimEpochs() view returns(uint64)
func (uptimeRewards *UptimeRewards) TryPackClaimEpochs() ([]byte, error) {
	return uptimeRewards.abi.Pack("claimEpochs")
}

// UnpackClaimEpochs is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2aec6d61.
//
// Solidity: function claimEpochs() view returns(uint64)
func (uptimeRewards *UptimeRewards) UnpackClaimEpochs(data []byte) (uint64, error) {
	out, err := uptimeRewards.abi.Unpack("claimEpochs", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackCurrentEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x76671808.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentEpoch() view returns(uint64)
func (uptimeRewards *UptimeRewards) PackCurrentEpoch() []byte {
	enc, err := uptimeRewards.abi.Pack("currentEpoch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentEpoch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x76671808.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentEpoch() view returns(uint64)
func (uptimeRewards *UptimeRewards) TryPackCurrentEpoch() ([]byte, error) {
	return uptimeRewards.abi.Pack("currentEpoch")
}

// UnpackCurrentEpoch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x76671808.
//
// Solidity: function currentEpoch() view returns(uint64)
func (uptimeRewards *UptimeRewards) UnpackCurrentEpoch(data []byte) (uint64, error) {
	out, err := uptimeRewards.abi.Unpack("currentEpoch", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackEpochEnd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4683db2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochEnd(uint64 epoch) view returns(uint256 endsAt)
func (uptimeRewards *UptimeRewards) PackEpochEnd(epoch uint64) []byte {
	enc, err := uptimeRewards.abi.Pack("epochEnd", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochEnd is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb4683db2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochEnd(uint64 epoch) view returns(uint256 endsAt)
func (uptimeRewards *UptimeRewards) TryPackEpochEnd(epoch uint64) ([]byte, error) {
	return uptimeRewards.abi.Pack("epochEnd", epoch)
}

// UnpackEpochEnd is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb4683db2.
//
// Solidity: function epochEnd(uint64 epoch) view returns(uint256 endsAt)
func (uptimeRewards *UptimeRewards) UnpackEpochEnd(data []byte) (*big.Int, error) {
	out, err := uptimeRewards.abi.Unpack("epochEnd", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEpochInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf9f3de7e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochInfo(uint64 epoch) view returns(uint256 budget, uint256 paid, uint8 reporters, uint96 perProviderCap)
func (uptimeRewards *UptimeRewards) PackEpochInfo(epoch uint64) []byte {
	enc, err := uptimeRewards.abi.Pack("epochInfo", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf9f3de7e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochInfo(uint64 epoch) view returns(uint256 budget, uint256 paid, uint8 reporters, uint96 perProviderCap)
func (uptimeRewards *UptimeRewards) TryPackEpochInfo(epoch uint64) ([]byte, error) {
	return uptimeRewards.abi.Pack("epochInfo", epoch)
}

// EpochInfoOutput serves as a container for the return parameters of contract
// method EpochInfo.
type EpochInfoOutput struct {
	Budget         *big.Int
	Paid           *big.Int
	Reporters      uint8
	PerProviderCap *big.Int
}

// UnpackEpochInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf9f3de7e.
//
// Solidity: function epochInfo(uint64 epoch) view returns(uint256 budget, uint256 paid, uint8 reporters, uint96 perProviderCap)
func (uptimeRewards *UptimeRewards) UnpackEpochInfo(data []byte) (EpochInfoOutput, error) {
	out, err := uptimeRewards.abi.Unpack("epochInfo", data)
	outstruct := new(EpochInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Budget = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Paid = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Reporters = *abi.ConvertType(out[2], new(uint8)).(*uint8)
	outstruct.PerProviderCap = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackEpochLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57d775f8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochLength() view returns(uint64)
func (uptimeRewards *UptimeRewards) PackEpochLength() []byte {
	enc, err := uptimeRewards.abi.Pack("epochLength")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x57d775f8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochLength() view returns(uint64)
func (uptimeRewards *UptimeRewards) TryPackEpochLength() ([]byte, error) {
	return uptimeRewards.abi.Pack("epochLength")
}

// UnpackEpochLength is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x57d775f8.
//
// Solidity: function epochLength() view returns(uint64)
func (uptimeRewards *UptimeRewards) UnpackEpochLength(data []byte) (uint64, error) {
	out, err := uptimeRewards.abi.Unpack("epochLength", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f3cbb7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fund(uint64 fromEpoch, uint64 count, uint256 amount) returns()
func (uptimeRewards *UptimeRewards) PackFund(fromEpoch uint64, count uint64, amount *big.Int) []byte {
	enc, err := uptimeRewards.abi.Pack("fund", fromEpoch, count, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f3cbb7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fund(uint64 fromEpoch, uint64 count, uint256 amount) returns()
func (uptimeRewards *UptimeRewards) TryPackFund(fromEpoch uint64, count uint64, amount *big.Int) ([]byte, error) {
	return uptimeRewards.abi.Pack("fund", fromEpoch, count, amount)
}

// PackGenesis is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa7f0b3de.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function genesis() view returns(uint64)
func (uptimeRewards *UptimeRewards) PackGenesis() []byte {
	enc, err := uptimeRewards.abi.Pack("genesis")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGenesis is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa7f0b3de.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function genesis() view returns(uint64)
func (uptimeRewards *UptimeRewards) TryPackGenesis() ([]byte, error) {
	return uptimeRewards.abi.Pack("genesis")
}

// UnpackGenesis is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa7f0b3de.
//
// Solidity: function genesis() view returns(uint64)
func (uptimeRewards *UptimeRewards) UnpackGenesis(data []byte) (uint64, error) {
	out, err := uptimeRewards.abi.Unpack("genesis", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1325d6eb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isClaimed(address provider, address reporter, uint64 epoch) view returns(bool)
func (uptimeRewards *UptimeRewards) PackIsClaimed(provider common.Address, reporter common.Address, epoch uint64) []byte {
	enc, err := uptimeRewards.abi.Pack("isClaimed", provider, reporter, epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1325d6eb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isClaimed(address provider, address reporter, uint64 epoch) view returns(bool)
func (uptimeRewards *UptimeRewards) TryPackIsClaimed(provider common.Address, reporter common.Address, epoch uint64) ([]byte, error) {
	return uptimeRewards.abi.Pack("isClaimed", provider, reporter, epoch)
}

// UnpackIsClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1325d6eb.
//
// Solidity: function isClaimed(address provider, address reporter, uint64 epoch) view returns(bool)
func (uptimeRewards *UptimeRewards) UnpackIsClaimed(data []byte) (bool, error) {
	out, err := uptimeRewards.abi.Unpack("isClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLeafHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6fd36714.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function leafHash(uint64 epoch, address provider, uint256 amount) pure returns(bytes32)
func (uptimeRewards *UptimeRewards) PackLeafHash(epoch uint64, provider common.Address, amount *big.Int) []byte {
	enc, err := uptimeRewards.abi.Pack("leafHash", epoch, provider, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLeafHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6fd36714.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function leafHash(uint64 epoch, address provider, uint256 amount) pure returns(bytes32)
func (uptimeRewards *UptimeRewards) TryPackLeafHash(epoch uint64, provider common.Address, amount *big.Int) ([]byte, error) {
	return uptimeRewards.abi.Pack("leafHash", epoch, provider, amount)
}

// UnpackLeafHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6fd36714.
//
// Solidity: function leafHash(uint64 epoch, address provider, uint256 amount) pure returns(bytes32)
func (uptimeRewards *UptimeRewards) UnpackLeafHash(data []byte) ([32]byte, error) {
	out, err := uptimeRewards.abi.Unpack("leafHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (uptimeRewards *UptimeRewards) PackOwner() []byte {
	enc, err := uptimeRewards.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (uptimeRewards *UptimeRewards) TryPackOwner() ([]byte, error) {
	return uptimeRewards.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (uptimeRewards *UptimeRewards) UnpackOwner(data []byte) (common.Address, error) {
	out, err := uptimeRewards.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (uptimeRewards *UptimeRewards) PackPendingOwner() []byte {
	enc, err := uptimeRewards.abi.Pack("pendingOwner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingOwner() view returns(address)
func (uptimeRewards *UptimeRewards) TryPackPendingOwner() ([]byte, error) {
	return uptimeRewards.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (uptimeRewards *UptimeRewards) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := uptimeRewards.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPostRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4882d0c8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function postRoot(uint64 epoch, bytes32 root) returns()
func (uptimeRewards *UptimeRewards) PackPostRoot(epoch uint64, root [32]byte) []byte {
	enc, err := uptimeRewards.abi.Pack("postRoot", epoch, root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPostRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4882d0c8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function postRoot(uint64 epoch, bytes32 root) returns()
func (uptimeRewards *UptimeRewards) TryPackPostRoot(epoch uint64, root [32]byte) ([]byte, error) {
	return uptimeRewards.abi.Pack("postRoot", epoch, root)
}

// PackRemoveReporter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5de5c212.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function removeReporter(address reporter) returns()
func (uptimeRewards *UptimeRewards) PackRemoveReporter(reporter common.Address) []byte {
	enc, err := uptimeRewards.abi.Pack("removeReporter", reporter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRemoveReporter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5de5c212.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function removeReporter(address reporter) returns()
func (uptimeRewards *UptimeRewards) TryPackRemoveReporter(reporter common.Address) ([]byte, error) {
	return uptimeRewards.abi.Pack("removeReporter", reporter)
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (uptimeRewards *UptimeRewards) PackRenounceOwnership() []byte {
	enc, err := uptimeRewards.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (uptimeRewards *UptimeRewards) TryPackRenounceOwnership() ([]byte, error) {
	return uptimeRewards.abi.Pack("renounceOwnership")
}

// PackReporterCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x850e3c48.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reporterCount() view returns(uint8)
func (uptimeRewards *UptimeRewards) PackReporterCount() []byte {
	enc, err := uptimeRewards.abi.Pack("reporterCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReporterCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x850e3c48.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reporterCount() view returns(uint8)
func (uptimeRewards *UptimeRewards) TryPackReporterCount() ([]byte, error) {
	return uptimeRewards.abi.Pack("reporterCount")
}

// UnpackReporterCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x850e3c48.
//
// Solidity: function reporterCount() view returns(uint8)
func (uptimeRewards *UptimeRewards) UnpackReporterCount(data []byte) (uint8, error) {
	out, err := uptimeRewards.abi.Unpack("reporterCount", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackReporterSince is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd6159f31.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reporterSince(address ) view returns(uint64)
func (uptimeRewards *UptimeRewards) PackReporterSince(arg0 common.Address) []byte {
	enc, err := uptimeRewards.abi.Pack("reporterSince", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReporterSince is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd6159f31.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reporterSince(address ) view returns(uint64)
func (uptimeRewards *UptimeRewards) TryPackReporterSince(arg0 common.Address) ([]byte, error) {
	return uptimeRewards.abi.Pack("reporterSince", arg0)
}

// UnpackReporterSince is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd6159f31.
//
// Solidity: function reporterSince(address ) view returns(uint64)
func (uptimeRewards *UptimeRewards) UnpackReporterSince(data []byte) (uint64, error) {
	out, err := uptimeRewards.abi.Unpack("reporterSince", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackRewardPerProvider is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e2e55b6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardPerProvider() view returns(uint96)
func (uptimeRewards *UptimeRewards) PackRewardPerProvider() []byte {
	enc, err := uptimeRewards.abi.Pack("rewardPerProvider")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardPerProvider is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e2e55b6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardPerProvider() view returns(uint96)
func (uptimeRewards *UptimeRewards) TryPackRewardPerProvider() ([]byte, error) {
	return uptimeRewards.abi.Pack("rewardPerProvider")
}

// UnpackRewardPerProvider is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4e2e55b6.
//
// Solidity: function rewardPerProvider() view returns(uint96)
func (uptimeRewards *UptimeRewards) UnpackRewardPerProvider(data []byte) (*big.Int, error) {
	out, err := uptimeRewards.abi.Unpack("rewardPerProvider", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRollOver is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe627a6af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rollOver(uint64 epoch) returns(uint256 amount)
func (uptimeRewards *UptimeRewards) PackRollOver(epoch uint64) []byte {
	enc, err := uptimeRewards.abi.Pack("rollOver", epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRollOver is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe627a6af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rollOver(uint64 epoch) returns(uint256 amount)
func (uptimeRewards *UptimeRewards) TryPackRollOver(epoch uint64) ([]byte, error) {
	return uptimeRewards.abi.Pack("rollOver", epoch)
}

// UnpackRollOver is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe627a6af.
//
// Solidity: function rollOver(uint64 epoch) returns(uint256 amount)
func (uptimeRewards *UptimeRewards) UnpackRollOver(data []byte) (*big.Int, error) {
	out, err := uptimeRewards.abi.Unpack("rollOver", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRootOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61b4f809.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootOf(uint64 epoch, address reporter) view returns(bytes32 root, uint256 paid)
func (uptimeRewards *UptimeRewards) PackRootOf(epoch uint64, reporter common.Address) []byte {
	enc, err := uptimeRewards.abi.Pack("rootOf", epoch, reporter)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRootOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61b4f809.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rootOf(uint64 epoch, address reporter) view returns(bytes32 root, uint256 paid)
func (uptimeRewards *UptimeRewards) TryPackRootOf(epoch uint64, reporter common.Address) ([]byte, error) {
	return uptimeRewards.abi.Pack("rootOf", epoch, reporter)
}

// RootOfOutput serves as a container for the return parameters of contract
// method RootOf.
type RootOfOutput struct {
	Root [32]byte
	Paid *big.Int
}

// UnpackRootOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x61b4f809.
//
// Solidity: function rootOf(uint64 epoch, address reporter) view returns(bytes32 root, uint256 paid)
func (uptimeRewards *UptimeRewards) UnpackRootOf(data []byte) (RootOfOutput, error) {
	out, err := uptimeRewards.abi.Unpack("rootOf", data)
	outstruct := new(RootOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Root = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Paid = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSetRewardPerProvider is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05ad05a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRewardPerProvider(uint96 rewardPerProvider_) returns()
func (uptimeRewards *UptimeRewards) PackSetRewardPerProvider(rewardPerProvider *big.Int) []byte {
	enc, err := uptimeRewards.abi.Pack("setRewardPerProvider", rewardPerProvider)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRewardPerProvider is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x05ad05a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRewardPerProvider(uint96 rewardPerProvider_) returns()
func (uptimeRewards *UptimeRewards) TryPackSetRewardPerProvider(rewardPerProvider *big.Int) ([]byte, error) {
	return uptimeRewards.abi.Pack("setRewardPerProvider", rewardPerProvider)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (uptimeRewards *UptimeRewards) PackToken() []byte {
	enc, err := uptimeRewards.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (uptimeRewards *UptimeRewards) TryPackToken() ([]byte, error) {
	return uptimeRewards.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (uptimeRewards *UptimeRewards) UnpackToken(data []byte) (common.Address, error) {
	out, err := uptimeRewards.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (uptimeRewards *UptimeRewards) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := uptimeRewards.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (uptimeRewards *UptimeRewards) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return uptimeRewards.abi.Pack("transferOwnership", newOwner)
}

// UptimeRewardsFunded represents a Funded event raised by the UptimeRewards contract.
type UptimeRewardsFunded struct {
	Epoch  uint64
	Funder common.Address
	Amount *big.Int
	Budget *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsFundedEventName = "Funded"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsFunded) ContractEventName() string {
	return UptimeRewardsFundedEventName
}

// UnpackFundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Funded(uint64 indexed epoch, address indexed funder, uint256 amount, uint256 budget)
func (uptimeRewards *UptimeRewards) UnpackFundedEvent(log *types.Log) (*UptimeRewardsFunded, error) {
	event := "Funded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsFunded)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the UptimeRewards contract.
type UptimeRewardsOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsOwnershipTransferStarted) ContractEventName() string {
	return UptimeRewardsOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (uptimeRewards *UptimeRewards) UnpackOwnershipTransferStartedEvent(log *types.Log) (*UptimeRewardsOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsOwnershipTransferred represents a OwnershipTransferred event raised by the UptimeRewards contract.
type UptimeRewardsOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsOwnershipTransferred) ContractEventName() string {
	return UptimeRewardsOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (uptimeRewards *UptimeRewards) UnpackOwnershipTransferredEvent(log *types.Log) (*UptimeRewardsOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsReporterAdded represents a ReporterAdded event raised by the UptimeRewards contract.
type UptimeRewardsReporterAdded struct {
	Reporter common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsReporterAddedEventName = "ReporterAdded"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsReporterAdded) ContractEventName() string {
	return UptimeRewardsReporterAddedEventName
}

// UnpackReporterAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReporterAdded(address indexed reporter)
func (uptimeRewards *UptimeRewards) UnpackReporterAddedEvent(log *types.Log) (*UptimeRewardsReporterAdded, error) {
	event := "ReporterAdded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsReporterAdded)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsReporterRemoved represents a ReporterRemoved event raised by the UptimeRewards contract.
type UptimeRewardsReporterRemoved struct {
	Reporter common.Address
	Raw      *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsReporterRemovedEventName = "ReporterRemoved"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsReporterRemoved) ContractEventName() string {
	return UptimeRewardsReporterRemovedEventName
}

// UnpackReporterRemovedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReporterRemoved(address indexed reporter)
func (uptimeRewards *UptimeRewards) UnpackReporterRemovedEvent(log *types.Log) (*UptimeRewardsReporterRemoved, error) {
	event := "ReporterRemoved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsReporterRemoved)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsRewardClaimed represents a RewardClaimed event raised by the UptimeRewards contract.
type UptimeRewardsRewardClaimed struct {
	Epoch    uint64
	Provider common.Address
	Reporter common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsRewardClaimedEventName = "RewardClaimed"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsRewardClaimed) ContractEventName() string {
	return UptimeRewardsRewardClaimedEventName
}

// UnpackRewardClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardClaimed(uint64 indexed epoch, address indexed provider, address indexed reporter, uint256 amount)
func (uptimeRewards *UptimeRewards) UnpackRewardClaimedEvent(log *types.Log) (*UptimeRewardsRewardClaimed, error) {
	event := "RewardClaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsRewardClaimed)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsRewardPerProviderSet represents a RewardPerProviderSet event raised by the UptimeRewards contract.
type UptimeRewardsRewardPerProviderSet struct {
	RewardPerProvider *big.Int
	Raw               *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsRewardPerProviderSetEventName = "RewardPerProviderSet"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsRewardPerProviderSet) ContractEventName() string {
	return UptimeRewardsRewardPerProviderSetEventName
}

// UnpackRewardPerProviderSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardPerProviderSet(uint96 rewardPerProvider)
func (uptimeRewards *UptimeRewards) UnpackRewardPerProviderSetEvent(log *types.Log) (*UptimeRewardsRewardPerProviderSet, error) {
	event := "RewardPerProviderSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsRewardPerProviderSet)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsRolledOver represents a RolledOver event raised by the UptimeRewards contract.
type UptimeRewardsRolledOver struct {
	Epoch   uint64
	ToEpoch uint64
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsRolledOverEventName = "RolledOver"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsRolledOver) ContractEventName() string {
	return UptimeRewardsRolledOverEventName
}

// UnpackRolledOverEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RolledOver(uint64 indexed epoch, uint64 indexed toEpoch, uint256 amount)
func (uptimeRewards *UptimeRewards) UnpackRolledOverEvent(log *types.Log) (*UptimeRewardsRolledOver, error) {
	event := "RolledOver"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsRolledOver)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UptimeRewardsRootPosted represents a RootPosted event raised by the UptimeRewards contract.
type UptimeRewardsRootPosted struct {
	Epoch          uint64
	Reporter       common.Address
	Root           [32]byte
	Reporters      uint8
	PerProviderCap *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const UptimeRewardsRootPostedEventName = "RootPosted"

// ContractEventName returns the user-defined event name.
func (UptimeRewardsRootPosted) ContractEventName() string {
	return UptimeRewardsRootPostedEventName
}

// UnpackRootPostedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RootPosted(uint64 indexed epoch, address indexed reporter, bytes32 root, uint8 reporters, uint96 perProviderCap)
func (uptimeRewards *UptimeRewards) UnpackRootPostedEvent(log *types.Log) (*UptimeRewardsRootPosted, error) {
	event := "RootPosted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != uptimeRewards.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(UptimeRewardsRootPosted)
	if len(log.Data) > 0 {
		if err := uptimeRewards.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range uptimeRewards.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (uptimeRewards *UptimeRewards) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["AlreadyReporter"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackAlreadyReporterError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["BadReward"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackBadRewardError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["ClaimWindowClosed"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackClaimWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["ClaimWindowOpen"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackClaimWindowOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["EpochNotEnded"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackEpochNotEndedError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["LeafOverCap"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackLeafOverCapError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["NoRoot"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackNoRootError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["NotReporter"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackNotReporterError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["RootAlreadyPosted"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackRootAlreadyPostedError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["ShareExceeded"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackShareExceededError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["TooMany"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackTooManyError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], uptimeRewards.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return uptimeRewards.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// UptimeRewardsAlreadyClaimed represents a AlreadyClaimed error raised by the UptimeRewards contract.
type UptimeRewardsAlreadyClaimed struct {
	Epoch    uint64
	Reporter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(uint64 epoch, address reporter)
func UptimeRewardsAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0xb5ffb3b5aa06c7a5f01311052ad81e2a00310de7ba5fc691222d5563f82779d7")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(uint64 epoch, address reporter)
func (uptimeRewards *UptimeRewards) UnpackAlreadyClaimedError(raw []byte) (*UptimeRewardsAlreadyClaimed, error) {
	out := new(UptimeRewardsAlreadyClaimed)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsAlreadyReporter represents a AlreadyReporter error raised by the UptimeRewards contract.
type UptimeRewardsAlreadyReporter struct {
	Reporter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyReporter(address reporter)
func UptimeRewardsAlreadyReporterErrorID() common.Hash {
	return common.HexToHash("0x655d73e68b05e31ac3907665f1ef5b6c60cf1b47ab3c530bbb1980cd3176523f")
}

// UnpackAlreadyReporterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyReporter(address reporter)
func (uptimeRewards *UptimeRewards) UnpackAlreadyReporterError(raw []byte) (*UptimeRewardsAlreadyReporter, error) {
	out := new(UptimeRewardsAlreadyReporter)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "AlreadyReporter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsBadReward represents a BadReward error raised by the UptimeRewards contract.
type UptimeRewardsBadReward struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadReward()
func UptimeRewardsBadRewardErrorID() common.Hash {
	return common.HexToHash("0x722b3d88dc678357eaf1bf79baff1be9e3edb546e9171b263463594dd0138514")
}

// UnpackBadRewardError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadReward()
func (uptimeRewards *UptimeRewards) UnpackBadRewardError(raw []byte) (*UptimeRewardsBadReward, error) {
	out := new(UptimeRewardsBadReward)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "BadReward", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsClaimWindowClosed represents a ClaimWindowClosed error raised by the UptimeRewards contract.
type UptimeRewardsClaimWindowClosed struct {
	Epoch uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimWindowClosed(uint64 epoch)
func UptimeRewardsClaimWindowClosedErrorID() common.Hash {
	return common.HexToHash("0x7a0191bb6e10033c71be038f0505c80cce79f1c0821f3e4c58d099c3faac7690")
}

// UnpackClaimWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimWindowClosed(uint64 epoch)
func (uptimeRewards *UptimeRewards) UnpackClaimWindowClosedError(raw []byte) (*UptimeRewardsClaimWindowClosed, error) {
	out := new(UptimeRewardsClaimWindowClosed)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "ClaimWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsClaimWindowOpen represents a ClaimWindowOpen error raised by the UptimeRewards contract.
type UptimeRewardsClaimWindowOpen struct {
	Epoch            uint64
	ClosesAfterEpoch *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ClaimWindowOpen(uint64 epoch, uint256 closesAfterEpoch)
func UptimeRewardsClaimWindowOpenErrorID() common.Hash {
	return common.HexToHash("0xe9fcc3bc6ae6676c8295054cde587a4adc9d1112c97cdcb7b3fceb8d38e37102")
}

// UnpackClaimWindowOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ClaimWindowOpen(uint64 epoch, uint256 closesAfterEpoch)
func (uptimeRewards *UptimeRewards) UnpackClaimWindowOpenError(raw []byte) (*UptimeRewardsClaimWindowOpen, error) {
	out := new(UptimeRewardsClaimWindowOpen)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "ClaimWindowOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsEpochNotEnded represents a EpochNotEnded error raised by the UptimeRewards contract.
type UptimeRewardsEpochNotEnded struct {
	Epoch  uint64
	EndsAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochNotEnded(uint64 epoch, uint256 endsAt)
func UptimeRewardsEpochNotEndedErrorID() common.Hash {
	return common.HexToHash("0x22639e5685d76c0052a35e60f8908125f643af18a8a575d3828116a19bf2678f")
}

// UnpackEpochNotEndedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochNotEnded(uint64 epoch, uint256 endsAt)
func (uptimeRewards *UptimeRewards) UnpackEpochNotEndedError(raw []byte) (*UptimeRewardsEpochNotEnded, error) {
	out := new(UptimeRewardsEpochNotEnded)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "EpochNotEnded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsInvalidProof represents a InvalidProof error raised by the UptimeRewards contract.
type UptimeRewardsInvalidProof struct {
	Epoch    uint64
	Reporter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof(uint64 epoch, address reporter)
func UptimeRewardsInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x156ace07992457cf3818a53d2acc3a57848611757c789324206b3eaadc241f19")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof(uint64 epoch, address reporter)
func (uptimeRewards *UptimeRewards) UnpackInvalidProofError(raw []byte) (*UptimeRewardsInvalidProof, error) {
	out := new(UptimeRewardsInvalidProof)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsLeafOverCap represents a LeafOverCap error raised by the UptimeRewards contract.
type UptimeRewardsLeafOverCap struct {
	Amount *big.Int
	Cap    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LeafOverCap(uint256 amount, uint256 cap)
func UptimeRewardsLeafOverCapErrorID() common.Hash {
	return common.HexToHash("0xb4f107c6097816214ab74fcc0245e608fbf2d68a8ddd5e586d8de934a06699a7")
}

// UnpackLeafOverCapError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LeafOverCap(uint256 amount, uint256 cap)
func (uptimeRewards *UptimeRewards) UnpackLeafOverCapError(raw []byte) (*UptimeRewardsLeafOverCap, error) {
	out := new(UptimeRewardsLeafOverCap)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "LeafOverCap", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsNoRoot represents a NoRoot error raised by the UptimeRewards contract.
type UptimeRewardsNoRoot struct {
	Epoch    uint64
	Reporter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoRoot(uint64 epoch, address reporter)
func UptimeRewardsNoRootErrorID() common.Hash {
	return common.HexToHash("0xac6f1d532d848fb933ad96e6ccc6b1faaea5d649184d3668095eb1671178a038")
}

// UnpackNoRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoRoot(uint64 epoch, address reporter)
func (uptimeRewards *UptimeRewards) UnpackNoRootError(raw []byte) (*UptimeRewardsNoRoot, error) {
	out := new(UptimeRewardsNoRoot)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "NoRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsNotReporter represents a NotReporter error raised by the UptimeRewards contract.
type UptimeRewardsNotReporter struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotReporter(address account)
func UptimeRewardsNotReporterErrorID() common.Hash {
	return common.HexToHash("0x3fca6557c3ca492b4a71e6268cf13d4a91304dbbc867e692fe92eab29ad60dd9")
}

// UnpackNotReporterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotReporter(address account)
func (uptimeRewards *UptimeRewards) UnpackNotReporterError(raw []byte) (*UptimeRewardsNotReporter, error) {
	out := new(UptimeRewardsNotReporter)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "NotReporter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the UptimeRewards contract.
type UptimeRewardsOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func UptimeRewardsOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (uptimeRewards *UptimeRewards) UnpackOwnableInvalidOwnerError(raw []byte) (*UptimeRewardsOwnableInvalidOwner, error) {
	out := new(UptimeRewardsOwnableInvalidOwner)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the UptimeRewards contract.
type UptimeRewardsOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func UptimeRewardsOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (uptimeRewards *UptimeRewards) UnpackOwnableUnauthorizedAccountError(raw []byte) (*UptimeRewardsOwnableUnauthorizedAccount, error) {
	out := new(UptimeRewardsOwnableUnauthorizedAccount)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the UptimeRewards contract.
type UptimeRewardsReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func UptimeRewardsReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (uptimeRewards *UptimeRewards) UnpackReentrancyGuardReentrantCallError(raw []byte) (*UptimeRewardsReentrancyGuardReentrantCall, error) {
	out := new(UptimeRewardsReentrancyGuardReentrantCall)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsRootAlreadyPosted represents a RootAlreadyPosted error raised by the UptimeRewards contract.
type UptimeRewardsRootAlreadyPosted struct {
	Epoch    uint64
	Reporter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RootAlreadyPosted(uint64 epoch, address reporter)
func UptimeRewardsRootAlreadyPostedErrorID() common.Hash {
	return common.HexToHash("0x57dc8cca4ab76a759bcecc64d9d7354229e2e8bf5b190bbb2ad653679278d4f8")
}

// UnpackRootAlreadyPostedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RootAlreadyPosted(uint64 epoch, address reporter)
func (uptimeRewards *UptimeRewards) UnpackRootAlreadyPostedError(raw []byte) (*UptimeRewardsRootAlreadyPosted, error) {
	out := new(UptimeRewardsRootAlreadyPosted)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "RootAlreadyPosted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the UptimeRewards contract.
type UptimeRewardsSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func UptimeRewardsSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (uptimeRewards *UptimeRewards) UnpackSafeERC20FailedOperationError(raw []byte) (*UptimeRewardsSafeERC20FailedOperation, error) {
	out := new(UptimeRewardsSafeERC20FailedOperation)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsShareExceeded represents a ShareExceeded error raised by the UptimeRewards contract.
type UptimeRewardsShareExceeded struct {
	WouldPay *big.Int
	Share    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ShareExceeded(uint256 wouldPay, uint256 share)
func UptimeRewardsShareExceededErrorID() common.Hash {
	return common.HexToHash("0xc7d97435837c412e1a14321472a0256532a02cba2c8f39faa92d08386a2aecb6")
}

// UnpackShareExceededError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ShareExceeded(uint256 wouldPay, uint256 share)
func (uptimeRewards *UptimeRewards) UnpackShareExceededError(raw []byte) (*UptimeRewardsShareExceeded, error) {
	out := new(UptimeRewardsShareExceeded)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "ShareExceeded", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsTooMany represents a TooMany error raised by the UptimeRewards contract.
type UptimeRewardsTooMany struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooMany()
func UptimeRewardsTooManyErrorID() common.Hash {
	return common.HexToHash("0xd65ac61eaed3332b3b71dfc563e4a76b8b5917c5e456ad30c9e7669c992d1de3")
}

// UnpackTooManyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooMany()
func (uptimeRewards *UptimeRewards) UnpackTooManyError(raw []byte) (*UptimeRewardsTooMany, error) {
	out := new(UptimeRewardsTooMany)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "TooMany", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsZeroAddress represents a ZeroAddress error raised by the UptimeRewards contract.
type UptimeRewardsZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func UptimeRewardsZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (uptimeRewards *UptimeRewards) UnpackZeroAddressError(raw []byte) (*UptimeRewardsZeroAddress, error) {
	out := new(UptimeRewardsZeroAddress)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// UptimeRewardsZeroAmount represents a ZeroAmount error raised by the UptimeRewards contract.
type UptimeRewardsZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func UptimeRewardsZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (uptimeRewards *UptimeRewards) UnpackZeroAmountError(raw []byte) (*UptimeRewardsZeroAmount, error) {
	out := new(UptimeRewardsZeroAmount)
	if err := uptimeRewards.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
